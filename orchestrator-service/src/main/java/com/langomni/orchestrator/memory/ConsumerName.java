package com.langomni.orchestrator.memory;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A replica's stable name in the memory write queue's consumer group: the configured one, else the host name (the
 * HOSTNAME variable, which is the pod name in Kubernetes and the container id in Docker), else what the system
 * calls this host. A restarted process keeps its name, so it takes up the entries it held and adds no consumer.
 */
public final class ConsumerName {

    /** When nothing names this host. */
    public static final String FALLBACK = "orchestrator";

    private ConsumerName() {
    }

    public static String resolve(Optional<String> configured, String hostnameVariable, Supplier<String> systemHostName) {
        return configured.map(String::strip).filter(s -> !s.isEmpty())
                .or(() -> Optional.ofNullable(hostnameVariable).map(String::strip).filter(s -> !s.isEmpty()))
                .or(() -> {
                    try {
                        return Optional.ofNullable(systemHostName.get()).map(String::strip).filter(s -> !s.isEmpty());
                    } catch (RuntimeException e) {
                        return Optional.empty();
                    }
                })
                .orElse(FALLBACK);
    }
}
