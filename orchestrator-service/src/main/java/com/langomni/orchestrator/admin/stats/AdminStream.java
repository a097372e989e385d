package com.langomni.orchestrator.admin.stats;

import com.langomni.orchestrator.admin.AdminConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import com.langomni.orchestrator.admin.topology.AdminTopology;
import com.langomni.orchestrator.admin.topology.Topology;

/**
 * The live admin stream: {@code stats} every stats interval and {@code topology} every topology interval. One
 * shared ticker per kind serves every connected admin (it runs only while someone listens, so N open panels cost
 * what one does); each connection also gets both at once when it opens. A tick that comes while the previous one
 * is still being computed is dropped rather than queued.
 */
@ApplicationScoped
public class AdminStream {

    public static final String STATS = "stats";
    public static final String TOPOLOGY = "topology";

    /** One event of the stream: its name and its payload (a {@link Stats} or a {@link Topology}). */
    public record Event(String name, Object data) {
    }

    private final AdminStats stats;
    private final AdminTopology topology;
    private final Multi<Stats> statsTicks;
    private final Multi<Topology> topologyTicks;
    private final AtomicInteger listeners = new AtomicInteger();

    AdminStream(AdminStats stats, AdminTopology topology, AdminConfig config) {
        this.stats = stats;
        this.topology = topology;
        this.statsTicks = shared(config.stream().statsInterval(), stats::current);
        this.topologyTicks = shared(config.stream().topologyInterval(), topology::current);
    }

    /** A connection's events, until it is cancelled (the client went away). */
    public Multi<Event> open() {
        // A connection that stops reading must not hold back the shared ticker (a broadcast only emits when every
        // subscriber has asked for more): each connection drops the ticks it cannot take.
        Multi<Event> statsEvents = Multi.createBy().concatenating()
                .streams(safely(stats::current).toMulti(), statsTicks.onOverflow().drop())
                .map(s -> new Event(STATS, s));
        Multi<Event> topologyEvents = Multi.createBy().concatenating()
                .streams(safely(topology::current).toMulti(), topologyTicks.onOverflow().drop())
                .map(t -> new Event(TOPOLOGY, t));
        return Multi.createBy().merging().streams(statsEvents, topologyEvents)
                .onSubscription().invoke(() -> listeners.incrementAndGet())
                .onTermination().invoke(() -> listeners.decrementAndGet());
    }

    /** Connections open now. */
    public int listeners() {
        return listeners.get();
    }

    private static <T> Multi<T> shared(Duration every, Supplier<Uni<T>> compute) {
        return Multi.createFrom().ticks().every(every)
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> safely(compute))
                .broadcast().withCancellationAfterLastSubscriberDeparture().toAllSubscribers();
    }

    /** A figure that fails is skipped (null items are dropped), never the end of the stream. */
    private static <T> Uni<T> safely(Supplier<Uni<T>> compute) {
        return Uni.createFrom().<T>deferred(compute::get)
                .onFailure().invoke(failure -> Log.warnf("An admin stream figure failed: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }
}
