package com.langomni.simulator.domain;

import java.util.ArrayList;
import java.util.List;

/** Records when each token of one sequence arrived, on the fake clock. */
final class Recorder implements GenerationListener {
    private final SimClock clock;
    final long submittedAt;
    final List<Long> tokenTimes = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    FinishReason finish;
    Usage usage;

    Recorder(SimClock clock) {
        this.clock = clock;
        this.submittedAt = clock.nanoTime();
    }

    @Override
    public void onToken(Token token) {
        tokenTimes.add(clock.nanoTime());
        text.append(token.text());
        if (token.last()) {
            finish = token.finish();
            usage = token.usage();
        }
    }

    double ttftMs() {
        return (tokenTimes.get(0) - submittedAt) / 1e6;
    }

    /** Gap before token i (i ≥ 1), in milliseconds. */
    double itlMs(int i) {
        return (tokenTimes.get(i) - tokenTimes.get(i - 1)) / 1e6;
    }

    double e2eMs() {
        return (tokenTimes.get(tokenTimes.size() - 1) - submittedAt) / 1e6;
    }
}
