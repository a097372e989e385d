package com.langomni.orchestrator.admin.stats;

import com.langomni.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics history: one point per 10 s step over the last minutes, the step in progress last, from the step
 * counts every replica adds to and the backend samples the elected replica takes.
 */
@ApplicationScoped
public class StatsHistory {

    public static final int MAX_MINUTES = 60;

    private final StatsStore store;
    private final long sampleSeconds;

    StatsHistory(StatsStore store, StatsConfig config) {
        this.store = store;
        this.sampleSeconds = Math.max(1, config.sampleInterval().toSeconds());
    }

    /** Fails with 400 for {@code minutes} outside 1..60. */
    public Uni<History> last(int minutes) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            return Uni.createFrom().failure(ApiException.badRequest("minutes must be between 1 and " + MAX_MINUTES));
        }
        int step = StatsStore.STEP_SECONDS;
        int count = minutes * 60 / step;
        long last = HistorySteps.stepStart(System.currentTimeMillis() / 1000, step);
        long first = last - (long) (count - 1) * step;
        List<Long> sampleSeconds = new ArrayList<>();
        for (long second = Math.floorDiv(first, this.sampleSeconds) * this.sampleSeconds; second < last + step;
             second += this.sampleSeconds) {
            sampleSeconds.add(second);
        }
        return Uni.combine().all().unis(store.steps(first, last), store.samples(sampleSeconds)).asTuple()
                .map(found -> new History(step, HistorySteps.steps(first, count, step, found.getItem1(),
                                found.getItem2()).stream()
                        .map(s -> new History.Point(s.startSecond() * 1000, s.counts().actions(), s.latencyMs(0.5),
                                s.latencyMs(0.95), s.latencyMs(0.99), s.ttftMs(0.5), s.ttftMs(0.95),
                                s.counts().rateLimitedCount(), s.counts().fallbacks(), s.counts().cacheHits(),
                                s.counts().cacheMisses(), s.backends()))
                        .toList()));
    }
}
