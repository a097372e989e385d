package com.langomni.npc.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the router spreads NPC conversations over replicas. */
public enum RoutingStrategy {
    /** A conversation stays on its rendezvous-preferred replica (whose prefix cache holds it) unless overloaded. */
    AFFINITY("affinity"),
    /** Each request to the next healthy replica in turn: the baseline. */
    ROUND_ROBIN("round-robin");

    private final String configName;

    RoutingStrategy(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static RoutingStrategy parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.configName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown routing strategy '" + name + "': use "
                        + Arrays.stream(values()).map(RoutingStrategy::configName).collect(Collectors.joining(" or "))));
    }
}
