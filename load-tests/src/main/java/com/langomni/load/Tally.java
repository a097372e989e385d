package com.langomni.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Outcome counts of one run, next to Gatling's own statistics: how many players got their welcome, how many
 * actions got a result, were refused (by error code) or got no answer at all. Printed at the end of the run and
 * written as JSON to {@code -DsummaryFile} when set (the smoke test reads it). One run per JVM, so static.
 */
public final class Tally {
    public static final String ACCOUNTS_READY = "accounts.ready";
    public static final String ACCOUNTS_FAILED = "accounts.failed";
    public static final String NO_ACCOUNT = "players.noAccount";
    public static final String CONNECTED = "players.connected";
    public static final String CONNECT_FAILED = "players.connectFailed";
    public static final String RESULTS = "actions.result";
    /** Prefix; the error code follows: actions.refused.busy, actions.refused.rate_limited ... */
    public static final String REFUSED = "actions.refused.";
    /** No result and no error frame: a timeout or a closed socket. */
    public static final String UNANSWERED = "actions.unanswered";
    public static final String PONGS = "pings.pong";
    public static final String PINGS_UNANSWERED = "pings.unanswered";
    public static final String SAID = "broadcast.said";
    public static final String HEARD = "broadcast.heard";

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private Tally() {
    }

    public static void add(String key) {
        COUNTS.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public static long get(String key) {
        LongAdder a = COUNTS.get(key);
        return a == null ? 0 : a.sum();
    }

    static Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        COUNTS.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Prints the counts and writes them to {@code -DsummaryFile} as one flat JSON object. */
    public static void report(String simulation) {
        Map<String, Long> counts = snapshot();
        StringBuilder json = new StringBuilder("{\"simulation\":\"").append(simulation).append('"');
        counts.forEach((k, v) -> json.append(",\"").append(k).append("\":").append(v));
        json.append('}');
        System.out.println("LangOmni load harness, " + simulation + ": " + counts);
        String file = System.getProperty("summaryFile");
        if (file != null && !file.isBlank()) {
            try {
                Path path = Path.of(file);
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                Files.writeString(path, json + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
