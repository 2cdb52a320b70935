package org.vigie.alert.email.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small real SMTP server (over a socket, line by line) whose answers a test scripts: to RCPT per address, to MAIL,
 * and at the end of DATA, including dropping the connection instead of answering. It records the messages it
 * accepted with their envelope recipients.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** An accepted message. */
    record Received(List<String> recipients, String data) {
    }

    /** Answer meaning: close the connection without answering. */
    static final String DROP = "DROP";

    volatile Function<String, String> rcptAnswer = address -> "250 2.1.5 OK";
    volatile String mailAnswer = "250 2.1.0 OK";
    volatile String dataEndAnswer = "250 2.0.0 queued";

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final Thread thread;

    ScriptedSmtpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                converse(socket);
            } catch (IOException e) {
                // next connection, or closed
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        say(out, "220 scripted ESMTP");
        List<String> rcpts = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("EHLO")) {
                say(out, "250-scripted\r\n250 8BITMIME");
            } else if (upper.startsWith("HELO") || upper.startsWith("NOOP")) {
                say(out, "250 OK");
            } else if (upper.startsWith("MAIL")) {
                rcpts.clear();
                say(out, mailAnswer);
            } else if (upper.startsWith("RCPT")) {
                String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                String answer = rcptAnswer.apply(address);
                if (answer.startsWith("2")) {
                    rcpts.add(address);
                }
                say(out, answer);
            } else if (upper.startsWith("DATA")) {
                say(out, "354 go ahead");
                StringBuilder data = new StringBuilder();
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    data.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
                }
                String answer = dataEndAnswer;
                if (answer.equals(DROP)) {
                    received.add(new Received(List.copyOf(rcpts), data.toString()));
                    return;
                }
                if (answer.startsWith("2")) {
                    received.add(new Received(List.copyOf(rcpts), data.toString()));
                }
                say(out, answer);
            } else if (upper.startsWith("RSET")) {
                rcpts.clear();
                say(out, "250 OK");
            } else if (upper.startsWith("QUIT")) {
                say(out, "221 bye");
                return;
            } else {
                say(out, "502 not implemented");
            }
        }
    }

    private static void say(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws Exception {
        server.close();
        thread.join(5000);
    }
}
