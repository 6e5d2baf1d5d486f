package com.modecon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (the native binary when one was built, else the JVM jar) started as a separate
 * process on a root and a free port of the test's choosing, for tests that need several instances, a
 * configuration of their own, or signals.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path APP = Path.of("target/quarkus-app");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service on {@code root} with extra {@code -D} settings and waits until it answers. */
    public static ServiceProcess start(String name, Path root, Map<String, String> settings) throws IOException {
        return start(name, root, settings, List.of(), null);
    }

    /**
     * As {@link #start(String, Path, Map)}, run under a command prefix such as {@code setpriv ...}. When
     * {@code privateCopy} is given, the JVM application is copied there first and started from there, so a
     * user without access to the build folder can run it.
     */
    public static ServiceProcess start(String name, Path root, Map<String, String> settings, List<String> prefix,
            Path privateCopy) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(prefix);
        command.addAll(launcher());
        command.add("-Dbatch.root=" + root);
        command.add("-Dquarkus.http.port=" + port);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        Path directory = privateCopy == null ? Path.of("").toAbsolutePath() : privateCopy;
        if (!isNative()) {
            Path app = privateCopy == null ? APP : copyTree(APP, privateCopy.resolve("quarkus-app"));
            command.add("-jar");
            command.add(app.resolve("quarkus-run.jar").toAbsolutePath().toString());
        }
        Path log = Files.createDirectories(Path.of("target/service-logs")).resolve(name + ".log");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServiceProcess service = new ServiceProcess(process, port, log);
        service.awaitLive();
        return service;
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (var entries = Files.walk(from)) {
            for (Path entry : entries.toList()) {
                Files.copy(entry, to.resolve(from.relativize(entry).toString()));
            }
        }
        return to;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    /** Everything the service printed so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM, as Kubernetes does when it stops a pod, without waiting. */
    public void signalTerm() {
        process.destroy();
    }

    /** Waits for the process to end on its own and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("service did not stop within " + timeout + "\n" + log());
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitLive() throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest live = HttpRequest.newBuilder(uri("/q/health/live")).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (client.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("service did not answer within " + START_TIMEOUT + ":\n" + log());
    }

    private static List<String> launcher() {
        if (isNative()) {
            return List.of(Path.of(System.getProperty("native.image.path")).toAbsolutePath().toString());
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), "-Xmx256m");
    }

    private static boolean isNative() {
        String nativeImage = System.getProperty("native.image.path");
        return nativeImage != null && Files.isExecutable(Path.of(nativeImage));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
