package com.langomni.orchestrator.admin.topology;

import java.util.Optional;

/** Reads one metric out of Prometheus text exposition (what every service serves at {@code /q/metrics}). */
public final class MetricsText {

    private MetricsText() {
    }

    /** The sum of {@code name}'s samples over their label sets; empty when the text has none. */
    public static Optional<Double> value(String text, String name) {
        if (text == null) {
            return Optional.empty();
        }
        double sum = 0;
        boolean found = false;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (!line.startsWith(name) || line.length() == name.length()) {
                continue;
            }
            char next = line.charAt(name.length());
            if (next != ' ' && next != '{') {
                continue; // another metric sharing the prefix, e.g. name_total
            }
            int valueAt = next == '{' ? line.indexOf('}', name.length()) + 1 : name.length();
            if (valueAt <= 0) {
                continue;
            }
            String[] parts = line.substring(valueAt).strip().split("\\s+");
            try {
                double value = Double.parseDouble(parts[0]);
                if (!Double.isNaN(value)) {
                    sum += value;
                    found = true;
                }
            } catch (NumberFormatException unreadable) {
                // not a sample line
            }
        }
        return found ? Optional.of(sum) : Optional.empty();
    }
}
