package com.vetacrm.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Veta as a separate operating-system process: {@code java -cp <this JVM's class path> com.vetacrm.VetaApplication}
 * on a database given as DB_URL / DB_USER / DB_PASSWORD (as an installation runs it), on a port of its own. Each
 * start writes the process's output to a new file ({@code <name>-<n>.log} in the log folder) so a failing test
 * can be diagnosed and each start's lines are read on their own. {@link #kill()} is SIGKILL (on Linux,
 * {@link Process#destroyForcibly()}): no shutdown hook, no cleanup, exactly a crash. {@link #close()} stops it in
 * any case; a shutdown hook kills it if the test JVM dies first.
 */
public final class VetaProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final String name;
    private final Path logDir;
    private final String jdbcUrl;
    private final List<String> arguments;
    private final int port;
    private final List<Path> logs = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread killAtExit = new Thread(this::killQuietly);
    private Process process;
    private long startedNanos;

    /**
     * @param arguments Spring Boot arguments ({@code --key=value}) besides the port, which is chosen here
     */
    public VetaProcess(String name, Path logDir, String jdbcUrl, List<String> arguments) {
        this.name = name;
        this.logDir = logDir.toAbsolutePath();
        this.jdbcUrl = jdbcUrl;
        this.arguments = List.copyOf(arguments);
        this.port = freePort();
        Runtime.getRuntime().addShutdownHook(killAtExit);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Starts a new process (the previous one must have ended); returns at once. */
    public synchronized VetaProcess start() {
        if (alive()) {
            throw new IllegalStateException(name + " is running already");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + "-" + (logs.size() + 1) + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString(),
                    // a small heap and the client compiler: several Veta processes share two cores in CI
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), "com.vetacrm.VetaApplication",
                    "--server.port=" + port, "--spring.main.banner-mode=off"));
            command.addAll(arguments);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().put("DB_URL", jdbcUrl);
            pb.environment().put("DB_USER", "root");
            pb.environment().put("DB_PASSWORD", "");
            logs.add(log);
            startedNanos = System.nanoTime();
            process = pb.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * Waits until the process serves the login page (HTTP 200 on {@code /login}); fails at once when it exits.
     *
     * @return the seconds from {@link #start()} until then
     */
    public double awaitServing() {
        HttpRequest login = HttpRequest.newBuilder(url("/login")).timeout(Duration.ofSeconds(5)).build();
        await().alias(name + " serves /login (log " + currentLog() + ")").atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + " before serving /login:\n"
                                + tail(40));
                    }
                    try {
                        return http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notListeningYet) {
                        return false;
                    }
                });
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Waits until this start's output has a line containing {@code text}, and returns that line. */
    public String awaitLine(String text, Duration timeout) {
        await().alias(name + " logs '" + text + "' (log " + currentLog() + ")").atMost(timeout)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail(40));
                    }
                    return line(currentLog(), text).isPresent();
                });
        return line(currentLog(), text).orElseThrow();
    }

    /** Every line containing {@code text} in the output of every start of this process so far. */
    public List<String> lines(String text) {
        return logs.stream().flatMap(log -> read(log).lines()).filter(l -> l.contains(text)).toList();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGKILL, as a crash or the kernel's OOM killer would end it; returns its exit status (137). */
    public int kill() {
        process.destroyForcibly();
        return waitForExit();
    }

    /** A normal stop (SIGTERM), then SIGKILL if it has not ended after 30 s. */
    public void stop() {
        if (alive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            waitForExit();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook runs anyway
        }
    }

    /** The last lines of this start's output, for failure messages. */
    public String tail(int lines) {
        List<String> all = read(currentLog()).lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private int waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    private void killQuietly() {
        if (alive()) {
            process.destroyForcibly();
        }
    }

    private Path currentLog() {
        return logs.getLast();
    }

    private static Optional<String> line(Path log, String text) {
        try (Stream<String> lines = read(log).lines()) {
            return lines.filter(l -> l.contains(text)).findFirst();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
