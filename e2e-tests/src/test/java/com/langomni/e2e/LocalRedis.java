package com.langomni.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A redis-server of the test's own, so a fault drill may restart it. Append-only file, fsync every second (the
 * production setting): a restart keeps what the services wrote, the per-player outboxes included.
 */
final class LocalRedis implements AutoCloseable {
    private final int port;
    private final Path dir;
    private Process process;

    LocalRedis(Path dir, int port) throws IOException {
        this.port = port;
        this.dir = dir;
        shutdownLeftover();
        Platform.deleteTree(dir);
        Files.createDirectories(dir);
    }

    int port() {
        return port;
    }

    void start() throws IOException {
        process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "everysec", "--save", "",
                "--daemonize", "no", "--logfile", dir.resolve("redis.log").toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.out").toFile()).start();
        Awaitility.await("redis-server on " + port + " answers PONG").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .failFast("redis-server exited; see " + dir.resolve("redis.log"), () -> !process.isAlive())
                .until(() -> "+PONG".equals(command("PING")));
    }

    /** SIGTERM: Redis flushes its append-only file and exits, as in a rolling restart. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /**
     * One command in RESP (no client library needed): a status, error or integer reply as its text ("+PONG",
     * "-ERR ..", ":1"), a bulk string as its value, an array as its elements joined by newlines; null when Redis
     * cannot be reached.
     */
    String command(String... args) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(2000);
            StringBuilder out = new StringBuilder("*" + args.length + "\r\n");
            for (String a : args) {
                out.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                        .append(a).append("\r\n");
            }
            OutputStream o = s.getOutputStream();
            o.write(out.toString().getBytes(StandardCharsets.UTF_8));
            o.flush();
            return reply(s.getInputStream());
        } catch (IOException unreachable) {
            return null;
        }
    }

    private static String reply(InputStream in) throws IOException {
        String line = line(in);
        switch (line.charAt(0)) {
            case '$' -> {
                int length = Integer.parseInt(line.substring(1));
                if (length < 0) {
                    return "";
                }
                String value = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                line(in);
                return value;
            }
            case '*' -> {
                StringBuilder items = new StringBuilder();
                for (int i = Integer.parseInt(line.substring(1)); i > 0; i--) {
                    items.append(reply(in)).append(i > 1 ? "\n" : "");
                }
                return items.toString();
            }
            default -> {
                return line;
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\r'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-reply");
            }
            line.append((char) c);
        }
        in.read(); // \n
        return line.toString();
    }

    /**
     * A server of an interrupted run of this checkout (same directory) is shut down; anyone else's on the port is
     * an error, never touched.
     */
    private void shutdownLeftover() {
        String config = command("CONFIG", "GET", "dir");
        if (config == null) {
            return;
        }
        if (!config.endsWith("\n" + dir)) {
            throw new IllegalStateException("port " + port + " is taken by another Redis (" + config.replace('\n', ' ')
                    + "): free it or choose another with -Dlangomni.drills.redis-port");
        }
        command("SHUTDOWN", "NOSAVE");
    }
}
