package org.vigie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

class ExportCommandTest {

    @Test
    void aServerSuggestedNameCannotLeaveTheFolder(@TempDir Path folder) {
        assertEquals(folder.resolve("evil.gpkg"), ExportCommand.safeTarget(folder, "../../etc/evil.gpkg"));
        assertEquals(folder.resolve("x.kml"), ExportCommand.safeTarget(folder, "..\\..\\x.kml"));
        assertEquals(folder.resolve("passwd"), ExportCommand.safeTarget(folder, "/etc/passwd"));
        assertEquals(folder.resolve("a_b.csv"), ExportCommand.safeTarget(folder, "a b.csv"));
        assertEquals(folder.resolve("hidden"), ExportCommand.safeTarget(folder, ".hidden"));
        assertEquals(folder.resolve("vigie-export"), ExportCommand.safeTarget(folder, ".."));
    }

    @Test
    void eachFormatIsDownloadedUnderItsSafeName(@TempDir Path folder) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> queries = new ArrayList<>();
        server.createContext("/api/gis/export", exchange -> {
            queries.add(exchange.getRequestURI().getQuery());
            String format = exchange.getRequestURI().getQuery().replaceAll(".*format=(\\w+).*", "$1");
            byte[] body = ("content " + format).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Disposition",
                    "attachment; filename=\"../vigie-situation." + format + "\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = Main.run(List.of("export", "--url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--format", "gpkg", "--format", "kml", "--crs", "2154", "--out", folder.toString()),
                    new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
            assertEquals(0, status);
            assertEquals(List.of("format=gpkg&crs=2154", "format=kml&crs=2154"), queries);
            assertEquals("content gpkg", Files.readString(folder.resolve("vigie-situation.gpkg")));
            assertEquals("content kml", Files.readString(folder.resolve("vigie-situation.kml")));
            assertTrue(out.toString().contains("vigie-situation.kml"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anErrorOfTheServerIsReportedWithItsMessage(@TempDir Path folder) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/gis/export", exchange -> {
            byte[] body = "{\"error\":\"no layer 'x'\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(List.of("export", "--url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--format", "csv", "--layers", "x", "--out", folder.toString()),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
            assertEquals(1, status);
            assertTrue(err.toString().contains("404") && err.toString().contains("no layer 'x'"), err.toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnknownFormatIsAUsageError(@TempDir Path folder) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Main.run(List.of("export", "--format", "dxf", "--out", folder.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
        assertTrue(err.toString().contains("--format dxf"));
    }
}
