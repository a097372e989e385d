package com.langomni.load;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every knob of the harness, read from Java system properties ({@code -Dplayers=50}); {@code make bench-load}
 * maps its variables onto them. Each simulation reads what it needs with its own defaults.
 */
public final class Knobs {
    /** The harness only ever targets this machine. */
    static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    /** Leaves room for the pool letter, '-' and a six-digit index within the API's 24-character name limit. */
    static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{1,12}");

    private Knobs() {
    }

    /** {@code baseUrl}: the gateway, http://localhost:8080 by default; only localhost / 127.0.0.1 / ::1. */
    public static String baseUrl() {
        return checkedBaseUrl(System.getProperty("baseUrl", "http://localhost:8080"));
    }

    static String checkedBaseUrl(String raw) {
        String url = raw.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl " + raw + " is not a URL", e);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be http://<host>:<port> (the gateway), not " + raw);
        }
        if (!LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("baseUrl " + raw
                    + ": the load harness only targets this machine (localhost, 127.0.0.1 or ::1)");
        }
        return url;
    }

    /** The same gateway as a WebSocket base: ws://host:port. */
    public static String wsBaseUrl(String baseUrl) {
        return "ws" + baseUrl.substring("http".length());
    }

    /** {@code prefix}: the first part of every account name (lt by default), 1-12 letters, digits or _. */
    public static String prefix() {
        return checkedPrefix(System.getProperty("prefix", "lt"));
    }

    static String checkedPrefix(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("prefix " + prefix + ": 1 to 12 letters, digits or _");
        }
        return prefix;
    }

    public static int integer(String name, int defaultValue, int min, int max) {
        String raw = System.getProperty(name);
        int value;
        try {
            value = raw == null || raw.isBlank() ? defaultValue : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + raw + " is not a whole number", e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + "=" + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    public static Duration seconds(String name, int defaultValue, int min, int max) {
        return Duration.ofSeconds(integer(name, defaultValue, min, max));
    }

    public static Duration millis(String name, int defaultValue, int min, int max) {
        return Duration.ofMillis(integer(name, defaultValue, min, max));
    }

    public static boolean flag(String name) {
        return Boolean.parseBoolean(System.getProperty(name, "false"));
    }

    /** {@code authConcurrency}: logins/registrations in flight during the accounts phase (bcrypt is CPU-bound). */
    public static int authConcurrency() {
        return integer("authConcurrency", 2, 1, 64);
    }

    /** {@code actionTimeoutSeconds}: longest wait for an action's result frame (the gateway gives up at 25 s). */
    public static Duration actionTimeout() {
        return seconds("actionTimeoutSeconds", 30, 1, 300);
    }

    /**
     * {@code npcPercent}: share of actions (0-100) spent talking to an NPC where one is present (walking on to find
     * one otherwise), before the mix; 0 by default, 15 for the narration-economy benchmark.
     */
    public static int npcPercent() {
        return integer("npcPercent", 0, 0, 100);
    }

    /** {@code maxActions}: cap on one player's actions, whatever the duration (every loop is bounded twice). */
    public static int maxActions() {
        return integer("maxActions", 10_000, 1, 1_000_000);
    }

    public static String describe(String simulation, String... pairs) {
        StringBuilder b = new StringBuilder(simulation).append(" against ").append(baseUrl());
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            b.append(", ").append(pairs[i]).append('=').append(pairs[i + 1]);
        }
        return b.toString();
    }
}
