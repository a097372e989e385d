package com.langomni.orchestrator.support;

import static io.restassured.RestAssured.given;

import com.langomni.support.metrics.PrometheusText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One read of this service's {@code /q/metrics} (the shared {@link PrometheusText} reader), with label pairs inline. */
public final class Scrape {

    private final String text;
    private final PrometheusText metrics;

    private Scrape(String text) {
        this.text = text;
        this.metrics = PrometheusText.parse(text);
    }

    public static Scrape now() {
        return new Scrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /**
     * The sum of the samples named {@code name} whose labels include every pair of {@code labels}
     * ({@code "outcome", "applied", ...}); 0 when there is none.
     */
    public double value(String name, String... labels) {
        return metrics.sum(name, pairs(labels));
    }

    /** Whether a sample named {@code name} with these labels exists (whatever its value). */
    public boolean has(String name, String... labels) {
        return metrics.has(name, pairs(labels));
    }

    /** The values one label takes across the samples named {@code name}. */
    public List<String> labelValues(String name, String label) {
        return metrics.labelSets(name).stream().map(labels -> labels.get(label)).filter(Objects::nonNull).distinct()
                .toList();
    }

    public String text() {
        return text;
    }

    private static Map<String, String> pairs(String... labels) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            pairs.put(labels[i], labels[i + 1]);
        }
        return pairs;
    }
}
