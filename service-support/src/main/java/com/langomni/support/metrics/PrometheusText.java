package com.langomni.support.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Prometheus text exposition (format 0.0.4) read into samples: what every service serves at {@code /q/metrics} and
 * vLLM (or the llm-simulator) at {@code /metrics}. Comments, blank lines and lines that are not a sample are skipped.
 */
public final class PrometheusText {

    /**
     * One sample line, {@code name{label="value",…} value [timestamp]}: {@code series} is the line as written before
     * its value, {@code labels} are its label pairs unescaped, in their order; the value may be NaN or ±Inf.
     */
    public record Sample(String series, String name, Map<String, String> labels, double value) {

        boolean carries(Map<String, String> wanted) {
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    /** Reads a scrape; {@code null} reads as an empty one. Several scrapes joined by a newline read as their union. */
    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                Sample sample = sample(line.strip());
                if (sample != null) {
                    samples.add(sample);
                }
            }
        }
        return new PrometheusText(List.copyOf(samples));
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The metric names with at least one sample, in the order they first appear. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** Whether {@code name} has a sample, whatever its value (NaN included). */
    public boolean has(String name) {
        return has(name, Map.of());
    }

    /** Whether {@code name} has a sample whose labels include every pair of {@code labels}, whatever its value. */
    public boolean has(String name, Map<String, String> labels) {
        return samples.stream().anyMatch(s -> s.name().equals(name) && s.carries(labels));
    }

    /** The label sets {@code name}'s samples carry, one per sample. */
    public List<Map<String, String>> labelSets(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).map(Sample::labels).toList();
    }

    /**
     * The sum of {@code name}'s samples whose labels include every pair of {@code labels}; empty when none of them
     * has a number (a NaN sample is no number).
     */
    public Optional<Double> find(String name, Map<String, String> labels) {
        return sumOf(s -> s.name().equals(name) && s.carries(labels));
    }

    /** {@link #find(String, Map)}, 0 when there is none. */
    public double sum(String name, Map<String, String> labels) {
        return find(name, labels).orElse(0.0);
    }

    /**
     * The sum of the samples of a series written as the text writes it: a metric name (every label set), or a name
     * with its labels or the start of them (<code>name{outcome="ok"}</code>, <code>name{outcome="ok",</code>,
     * <code>name{replica=</code>, <code>name{replica="npc-</code>); empty when none has a number.
     */
    public Optional<Double> find(String series) {
        return series.indexOf('{') < 0 ? find(series, Map.of()) : sumOf(s -> s.series().startsWith(series));
    }

    /** {@link #find(String)}, 0 when there is none. */
    public double sum(String series) {
        return find(series).orElse(0.0);
    }

    /** Each metric name → the sum of its samples over all label sets; a name whose samples are all NaN is absent. */
    public Map<String, Double> sums() {
        Map<String, Double> sums = new HashMap<>();
        for (Sample s : samples) {
            if (!Double.isNaN(s.value())) {
                sums.merge(s.name(), s.value(), Double::sum);
            }
        }
        return sums;
    }

    private Optional<Double> sumOf(Predicate<Sample> matching) {
        double sum = 0;
        boolean found = false;
        for (Sample s : samples) {
            if (!Double.isNaN(s.value()) && matching.test(s)) {
                sum += s.value();
                found = true;
            }
        }
        return found ? Optional.of(sum) : Optional.empty();
    }

    private static Sample sample(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        String name = line.substring(0, end);
        Map<String, String> labels = new LinkedHashMap<>();
        if (end < line.length() && line.charAt(end) == '{') {
            end = readLabels(line, end + 1, labels);
        }
        if (name.isEmpty() || end < 0 || end >= line.length() || !Character.isWhitespace(line.charAt(end))) {
            return null;
        }
        Double value = number(line.substring(end).strip().split("\\s+")[0]); // a timestamp may follow
        return value == null ? null
                : new Sample(line.substring(0, end), name, Collections.unmodifiableMap(labels), value);
    }

    /** Reads {@code a="x",b="y"}} from {@code from} into {@code into}; the index after the brace, or -1. */
    private static int readLabels(String text, int from, Map<String, String> into) {
        int i = skipSpaces(text, from);
        while (i < text.length() && text.charAt(i) != '}') {
            int eq = text.indexOf('=', i);
            if (eq < 0 || eq + 1 >= text.length() || text.charAt(eq + 1) != '"') {
                return -1;
            }
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; j < text.length() && text.charAt(j) != '"'; j++) {
                char c = text.charAt(j);
                if (c == '\\' && j + 1 < text.length()) {
                    char escaped = text.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            if (j >= text.length()) {
                return -1;
            }
            into.put(text.substring(i, eq).strip(), value.toString());
            i = skipSpaces(text, j + 1);
            if (i < text.length() && text.charAt(i) == ',') {
                i = skipSpaces(text, i + 1);
            } else if (i < text.length() && text.charAt(i) != '}') {
                return -1;
            }
        }
        return i < text.length() ? i + 1 : -1;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Double number(String token) {
        return switch (token) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(token);
                } catch (NumberFormatException unreadable) {
                    yield null;
                }
            }
        };
    }
}
