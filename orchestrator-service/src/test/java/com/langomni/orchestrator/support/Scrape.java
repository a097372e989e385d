package com.langomni.orchestrator.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of this service's {@code /q/metrics}, parsed into samples. */
public final class Scrape {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final String text;
    private final List<Sample> samples;

    private Scrape(String text) {
        this.text = text;
        this.samples = text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).map(Scrape::sample)
                .toList();
    }

    public static Scrape now() {
        return new Scrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /**
     * The sum of the samples named {@code name} whose labels include every pair of {@code labels}
     * ({@code "outcome", "applied", ...}); 0 when there is none.
     */
    public double value(String name, String... labels) {
        return matching(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** Whether a sample named {@code name} with these labels exists (whatever its value). */
    public boolean has(String name, String... labels) {
        return !matching(name, labels).isEmpty();
    }

    /** The values one label takes across the samples named {@code name}. */
    public List<String> labelValues(String name, String label) {
        return samples.stream().filter(s -> s.name().equals(name)).map(s -> s.labels().get(label))
                .filter(v -> v != null).distinct().toList();
    }

    public String text() {
        return text;
    }

    private List<Sample> matching(String name, String... labels) {
        List<Sample> found = new ArrayList<>();
        for (Sample s : samples) {
            if (!s.name().equals(name)) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i + 1 < labels.length; i += 2) {
                all &= labels[i + 1].equals(s.labels().get(labels[i]));
            }
            if (all) {
                found.add(s);
            }
        }
        return found;
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, line.indexOf(' '));
        Map<String, String> labels = new LinkedHashMap<>();
        if (brace >= 0 && brace < space) {
            Matcher m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
        }
        return new Sample(name, labels, Double.parseDouble(line.substring(space + 1)));
    }
}
