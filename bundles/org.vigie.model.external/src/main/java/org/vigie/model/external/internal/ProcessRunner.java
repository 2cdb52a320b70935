package org.vigie.model.external.internal;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program with a time limit. Its standard output and error go to files (a program that writes a lot can
 * never block on a full pipe); its standard input is empty. When the limit is reached, every process it started
 * and then the program itself are killed (SIGKILL on POSIX).
 */
final class ProcessRunner {

    /** How much of the end of the standard error an error message quotes. */
    static final int ERROR_TAIL_CHARACTERS = 2000;

    /**
     * @param exitCode the exit status, or -1 when killed
     * @param timedOut whether the time limit killed it
     * @param killed   number of processes the program had started that were killed with it
     * @param elapsed  wall-clock time it ran
     */
    record Outcome(int exitCode, boolean timedOut, int killed, Duration elapsed) {
    }

    private ProcessRunner() {
    }

    /**
     * @throws IOException          when the program cannot be started
     * @throws InterruptedException when the calling thread is interrupted (the process tree is killed first)
     */
    static Outcome run(List<String> command, Path workingDirectory, Map<String, String> environment,
                       Duration limit, Path stdout, Path stderr) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            if (process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                return new Outcome(process.exitValue(), false, 0, Duration.ofNanos(System.nanoTime() - started));
            }
            int killed = killTree(process);
            return new Outcome(-1, true, killed, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
    }

    /**
     * Kills the process and its descendants: the descendants first (looking again a few times, for children
     * started meanwhile), then the process itself.
     *
     * @return how many descendants were killed
     */
    static int killTree(Process process) {
        Set<Long> killed = new HashSet<>();
        for (int round = 0; round < 10; round++) {
            List<ProcessHandle> descendants = process.descendants().toList();
            boolean more = false;
            for (ProcessHandle child : descendants) {
                if (killed.add(child.pid())) {
                    child.destroyForcibly();
                    more = true;
                }
            }
            if (!more) {
                break;
            }
        }
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return killed.size();
    }

    /** @return the last {@value #ERROR_TAIL_CHARACTERS} characters (about) of a text file, trimmed; "" if none */
    static String tail(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int size = (int) Math.min(length, ERROR_TAIL_CHARACTERS);
            byte[] bytes = new byte[size];
            f.seek(length - size);
            f.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            return length > size ? "…" + text : text;
        } catch (IOException e) {
            return "";
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null";
    }
}
