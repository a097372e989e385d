package com.langomni.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The samples of a Prometheus text exposition (format 0.0.4): sample name → the label sets it was written with. */
final class Exposition {
    private final Map<String, List<Map<String, String>>> samples = new HashMap<>();

    private Exposition() {
    }

    static Exposition parse(String text) {
        Exposition e = new Exposition();
        e.add(text);
        return e;
    }

    /** Adds another scrape's samples (e.g. one per service) to this one. */
    Exposition add(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name;
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0 && (space < 0 || brace < space)) {
                name = line.substring(0, brace);
                parseLabels(line, brace + 1, labels);
            } else {
                name = line.substring(0, space);
            }
            samples.computeIfAbsent(name, n -> new ArrayList<>()).add(labels);
        }
        return this;
    }

    boolean has(String name) {
        return samples.containsKey(name);
    }

    List<Map<String, String>> labelSets(String name) {
        return samples.getOrDefault(name, List.of());
    }

    int size() {
        return samples.size();
    }

    /** Sum of every sample of {@code name} whose labels include {@code labels}. */
    static double sum(String text, String name, Map<String, String> labels) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                Map<String, String> found = new HashMap<>();
                if (line.charAt(name.length()) == '{') {
                    parseLabels(line, name.length() + 1, found);
                }
                if (found.entrySet().containsAll(labels.entrySet())) {
                    String[] parts = line.trim().split(" ");
                    total += Double.parseDouble(parts[parts.length - 1]);
                }
            }
        }
        return total;
    }

    /** Reads {@code name="value",...}} from {@code start}; returns the index after the closing brace. */
    private static int parseLabels(String line, int start, Map<String, String> into) {
        int i = start;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String label = line.substring(i, eq).trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 2; // past ="
            while (line.charAt(j) != '"') {
                if (line.charAt(j) == '\\') {
                    j++;
                }
                value.append(line.charAt(j++));
            }
            into.put(label, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }
}
