package com.modecon.ops;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

/**
 * Entry point of the service binary, JVM or native.
 *
 * <p>{@code health-check [port]} is a container probe for images without curl or wget: it asks the
 * running service on loopback whether it is ready and exits 0 when the answer is 200, 1 otherwise. It
 * never starts Quarkus, so it costs a process start and one request. Any other arguments start the
 * service.
 */
@QuarkusMain
public class Main {

    static final String HEALTH_CHECK = "health-check";
    static final int DEFAULT_PORT = 8001;
    static final String READY_PATH = "/q/health/ready";

    /** Bounds connecting and, separately, waiting for the answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    public static void main(String... args) {
        if (args.length > 0 && HEALTH_CHECK.equals(args[0])) {
            System.exit(healthCheck(args, System.getenv()));
        }
        Quarkus.run(args);
    }

    /** The probe's exit code for these arguments: 0 when the service answers ready, 1 otherwise. */
    static int healthCheck(String[] args, Map<String, String> env) {
        int port;
        try {
            port = portOf(args, env);
        } catch (IllegalArgumentException e) {
            System.err.println(HEALTH_CHECK + ": " + e.getMessage());
            return 1;
        }
        return probe(port, TIMEOUT);
    }

    /** The port from {@code args[1]}, else {@code QUARKUS_HTTP_PORT}, else {@value #DEFAULT_PORT}. */
    static int portOf(String[] args, Map<String, String> env) {
        if (args.length > 1) {
            return parsePort(args[1]);
        }
        String fromEnv = env.get("QUARKUS_HTTP_PORT");
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_PORT : parsePort(fromEnv.trim());
    }

    /**
     * Sends {@code GET http://127.0.0.1:port/q/health/ready} and maps the answer to an exit code: 0 for
     * 200, 1 for any other status, a refused or timed-out connection, or an I/O error. No proxy is used,
     * whatever the environment says, because the target is always this container's own loopback.
     */
    static int probe(int port, Duration timeout) {
        HttpURLConnection connection = null;
        try {
            URL ready = URI.create("http://127.0.0.1:" + port + READY_PATH).toURL();
            connection = (HttpURLConnection) ready.openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            int status = connection.getResponseCode();
            if (status == HttpURLConnection.HTTP_OK) {
                return 0;
            }
            System.err.println(HEALTH_CHECK + ": " + READY_PATH + " on port " + port + " answered " + status);
            return 1;
        } catch (IOException e) {
            System.err.println(HEALTH_CHECK + ": no answer from port " + port + ": " + e);
            return 1;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the text that was given
        }
        throw new IllegalArgumentException("not a TCP port: '" + text + "'");
    }
}
