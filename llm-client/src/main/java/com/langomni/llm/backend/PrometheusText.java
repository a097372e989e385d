package com.langomni.llm.backend;

import java.util.HashMap;
import java.util.Map;

/** Reads Prometheus text exposition: each metric's samples summed over their label sets. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** Metric name (labels dropped) → sum of its samples; comments and unreadable lines are skipped. */
    public static Map<String, Double> sums(String text) {
        Map<String, Double> sums = new HashMap<>();
        if (text == null) {
            return sums;
        }
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int labels = line.indexOf('{');
            int space = labels >= 0 ? line.indexOf(' ', line.indexOf('}', labels)) : line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = labels >= 0 && labels < space ? line.substring(0, labels) : line.substring(0, space);
            String[] rest = line.substring(space + 1).strip().split("\\s+");
            try {
                double value = Double.parseDouble(rest[0]);
                if (!Double.isNaN(value)) {
                    sums.merge(name, value, Double::sum);
                }
            } catch (NumberFormatException unreadable) {
                // a value we cannot read ("+Inf" buckets are read; anything else is not a sample)
            }
        }
        return sums;
    }
}
