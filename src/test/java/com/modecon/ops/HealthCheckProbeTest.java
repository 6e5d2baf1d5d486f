package com.modecon.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code health-check} probe against a throwaway loopback server; Quarkus is never started. */
class HealthCheckProbeTest {

    private static final Duration SHORT = Duration.ofMillis(500);

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void probe_readyAnswers200_returnsZero() throws IOException {
        int port = serveReadiness(200);

        assertEquals(0, Main.probe(port, SHORT));
    }

    @Test
    void probe_readyAnswers503_returnsOne() throws IOException {
        int port = serveReadiness(503);

        assertEquals(1, Main.probe(port, SHORT));
    }

    @Test
    void probe_onlyOtherPathsAnswer200_returnsOne() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/q/health/live", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();

        assertEquals(1, Main.probe(server.getAddress().getPort(), SHORT));
    }

    @Test
    void probe_closedPort_returnsOne() throws IOException {
        int port = freePort();

        assertEquals(1, Main.probe(port, SHORT));
    }

    @Test
    void probe_serverNeverAnswers_returnsOneWithinTimeout() throws IOException {
        CountDownLatch released = new CountDownLatch(1);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(Main.READY_PATH, exchange -> {
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();

        long started = System.nanoTime();
        int code = Main.probe(server.getAddress().getPort(), SHORT);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        released.countDown();

        assertEquals(1, code);
        assertTrue(millis < 5_000, "the probe waited " + millis + " ms");
    }

    @Test
    void healthCheck_portArgument_winsOverEnvironment() throws IOException {
        int port = serveReadiness(200);

        int code = Main.healthCheck(new String[] {"health-check", String.valueOf(port)},
                Map.of("QUARKUS_HTTP_PORT", "1"));

        assertEquals(0, code);
    }

    @Test
    void healthCheck_noPortArgument_usesQuarkusHttpPort() throws IOException {
        int port = serveReadiness(200);

        int code = Main.healthCheck(new String[] {"health-check"},
                Map.of("QUARKUS_HTTP_PORT", String.valueOf(port)));

        assertEquals(0, code);
    }

    @Test
    void healthCheck_invalidPort_returnsOne() {
        assertEquals(1, Main.healthCheck(new String[] {"health-check", "http"}, Map.of()));
        assertEquals(1, Main.healthCheck(new String[] {"health-check", "70000"}, Map.of()));
    }

    @Test
    void portOf_nothingGiven_isDefault8001() {
        assertEquals(8001, Main.portOf(new String[] {"health-check"}, Map.of()));
        assertEquals(8001, Main.portOf(new String[] {"health-check"}, Map.of("QUARKUS_HTTP_PORT", " ")));
    }

    @Test
    void portOf_zero_isRejected() {
        String[] args = {"health-check", "0"};

        assertThrows(IllegalArgumentException.class, () -> Main.portOf(args, Map.of()));
    }

    /** Starts a loopback server whose readiness path answers {@code status}; returns its port. */
    private int serveReadiness(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(Main.READY_PATH, exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    /** A loopback port that was free a moment ago and has nothing listening on it now. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
