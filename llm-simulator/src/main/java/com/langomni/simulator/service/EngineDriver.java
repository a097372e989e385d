package com.langomni.simulator.service;

import com.langomni.simulator.domain.Engine;
import com.langomni.simulator.domain.EngineSettings;
import com.langomni.simulator.domain.EngineSnapshot;
import com.langomni.simulator.domain.GenerationListener;
import com.langomni.simulator.domain.GenerationRequest;
import com.langomni.simulator.domain.SimClock;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the engine in real time on one dedicated thread: it plays every due step, then parks until the
 * next step ends or a submit wakes it. One thread for the whole server, as vLLM has one engine loop;
 * writes to clients happen on their event loops, never here.
 */
@Startup
@ApplicationScoped
public class EngineDriver {
    private final Engine engine;
    private final Thread loop;
    private volatile boolean stopping;

    public EngineDriver(EngineSettings settings) {
        this.engine = new Engine(settings, SimClock.SYSTEM);
        this.loop = new Thread(this::run, "sim-engine");
        loop.setDaemon(true);
        loop.start();
    }

    public EngineSettings settings() {
        return engine.settings();
    }

    /** Queues a request; empty when the server refuses it because its queue is full. */
    public OptionalLong submit(GenerationRequest request, GenerationListener listener) {
        OptionalLong id = engine.submit(request, listener);
        LockSupport.unpark(loop);
        return id;
    }

    public void abort(long id) {
        engine.abort(id);
    }

    public EngineSnapshot snapshot() {
        return engine.snapshot();
    }

    public void resetPrefixCache() {
        engine.resetPrefixCache();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        LockSupport.unpark(loop);
    }

    private void run() {
        while (!stopping) {
            OptionalLong next;
            try {
                next = engine.advance();
            } catch (RuntimeException e) {
                Log.error("A listener failed while the engine delivered tokens", e);
                continue;
            }
            if (next.isEmpty()) {
                LockSupport.park(this);
            } else {
                long wait = next.getAsLong() - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                }
            }
        }
    }
}
