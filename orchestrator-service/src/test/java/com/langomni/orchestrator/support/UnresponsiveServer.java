package com.langomni.orchestrator.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * npc-llm-service as a hung process: accepts connections and never answers, so NPC dialog can only end through
 * the narration timeout. world-llm and memory point at a closed port instead (connection refused).
 * Declared here once, it applies to every @QuarkusTest, so they all share one application.
 */
@QuarkusTestResource(UnresponsiveServer.class)
public class UnresponsiveServer implements QuarkusTestResourceLifecycleManager {

    private ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "unresponsive-npc-llm");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("langomni.services.npc-llm-url", "http://127.0.0.1:" + server.getLocalPort());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                held.add(server.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        try {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException ignored) {
            // shutting down anyway
        }
    }
}
