package com.langomni.orchestrator.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test Redis behind a TCP proxy that a test can cut (every connection dropped, new ones closed at once, as when
 * Redis goes down) and mend. For a profile's test resources only: the application then talks to Redis through it.
 */
public class CuttableRedis implements QuarkusTestResourceLifecycleManager {

    private static volatile boolean cut;
    private static final Set<Socket> OPEN = ConcurrentHashMap.newKeySet();

    private ServerSocket server;

    /** Redis is gone for the application until {@link #mend()}. */
    public static void cut() {
        cut = true;
        OPEN.forEach(CuttableRedis::closeQuietly);
        OPEN.clear();
    }

    public static void mend() {
        cut = false;
    }

    @Override
    public Map<String, String> start() {
        // the test Redis as %test names it, or as a run with its own instances overrides it
        URI target = URI.create(Optional.ofNullable(System.getenv("_TEST_QUARKUS_REDIS_HOSTS"))
                .orElse("redis://127.0.0.1:26379/1"));
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        daemon("cuttable-redis", () -> accept(target));
        return Map.of("quarkus.redis.hosts",
                "redis://127.0.0.1:" + server.getLocalPort() + Optional.ofNullable(target.getPath()).orElse(""));
    }

    @Override
    public void stop() {
        closeQuietly(server);
        cut();
    }

    private void accept(URI target) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket redis = new Socket(target.getHost(), target.getPort());
                OPEN.add(client);
                OPEN.add(redis);
                daemon("cuttable-redis-up", () -> pump(client, redis));
                daemon("cuttable-redis-down", () -> pump(redis, client));
            } catch (IOException e) {
                // closed: the test is over
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut, or one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            OPEN.remove(from);
            OPEN.remove(to);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
