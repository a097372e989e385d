package com.langomni.npc.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.llm.BackendStatus;
import com.langomni.llm.backend.BackendMonitor;
import com.langomni.llm.backend.BackendProbe;
import com.langomni.llm.openai.OpenAiClient;
import com.langomni.npc.config.NpcConfig;
import com.langomni.npc.domain.ReplicaLoad;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The replicas of NPC_LLM_URLS, named npc-1..npc-N in that order, each probed every
 * {@code langomni.npc.llm.probe-interval-ms}: a failing probe counts towards ejection, a passing one readmits
 * and refreshes the load figures the router reads.
 */
@ApplicationScoped
public class NpcReplicas {
    public static final String ROLE = "npc";

    private final List<NpcReplica> replicas;
    private final Vertx vertx;
    private final long probeIntervalMs;
    private final AtomicBoolean probing = new AtomicBoolean();
    private long timer = -1;

    public NpcReplicas(NpcConfig config, ObjectMapper json, Vertx vertx) {
        this.vertx = vertx;
        this.probeIntervalMs = config.llm().probeIntervalMs();
        this.replicas = build(config.llm(), json);
    }

    private static List<NpcReplica> build(NpcConfig.Llm llm, ObjectMapper json) {
        List<String> urls = llm.urls().orElse(List.of()).stream().map(String::strip).filter(u -> !u.isEmpty())
                .toList();
        List<NpcReplica> built = new ArrayList<>();
        Duration connect = Duration.ofMillis(llm.connectTimeoutMs());
        Duration probeTimeout = Duration.ofMillis(llm.probeTimeoutMs());
        // a replica that hangs before sending headers is only let go by the read timeout: the whole reply budget
        Duration idle = Duration.ofMillis(llm.replyTimeoutMs());
        for (int i = 0; i < urls.size(); i++) {
            String name = "npc-" + (i + 1);
            OpenAiClient client = OpenAiClient.create(urls.get(i), llm.apiKey().orElse(null), connect, idle,
                    json);
            BackendMonitor monitor = new BackendMonitor(name, ROLE, client.baseUrl(), llm.model().orElse(null),
                    llm.ejectAfter(), System::currentTimeMillis);
            BackendProbe probe = new BackendProbe(monitor, client.rootUrl(), client.baseUrl(), probeTimeout);
            built.add(new NpcReplica(name, client, monitor, probe, llm.model()));
        }
        return List.copyOf(built);
    }

    void start(@Observes StartupEvent start) {
        if (replicas.isEmpty()) {
            Log.info("NPC replicas: none configured (NPC_LLM_URLS empty), the retrieval dialog answers");
            return;
        }
        Log.infof("NPC replicas: %s", replicas.stream().map(r -> r.name() + "=" + r.monitor().url()).toList());
        probeAll().subscribe().with(ignored -> { });
        timer = vertx.setPeriodic(probeIntervalMs, id -> probeAll().subscribe().with(ignored -> { }));
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Probes every replica at once; a round still running when the next is due is not doubled. */
    public Uni<Void> probeAll() {
        if (replicas.isEmpty() || !probing.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(replicas.stream().map(NpcReplica::probe).toList()).andCollectFailures()
                .replaceWithVoid()
                .onFailure().recoverWithNull() // probes never fail; this only keeps the timer alive if one did
                .eventually(() -> probing.set(false));
    }

    public boolean configured() {
        return !replicas.isEmpty();
    }

    public List<NpcReplica> all() {
        return replicas;
    }

    public NpcReplica get(int index) {
        return replicas.get(index);
    }

    /** A snapshot for one routing decision, in configuration order. */
    public List<ReplicaLoad> loads() {
        List<ReplicaLoad> loads = new ArrayList<>(replicas.size());
        for (NpcReplica r : replicas) {
            BackendMonitor m = r.monitor();
            loads.add(new ReplicaLoad(r.name(), m.healthy(), m.load(), m.kvCacheUsage()));
        }
        return loads;
    }

    public List<BackendStatus> statuses() {
        return replicas.stream().map(r -> r.monitor().status()).toList();
    }
}
