package com.langomni.simulator.rest;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

/** Reads /metrics into sample → value, keyed by the sample line without its value. */
final class Metrics {
    private Metrics() {
    }

    static Map<String, Double> scrape() {
        String text = given().get("/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }

    static double value(Map<String, Double> samples, String name, String extraLabel) {
        String key = name + "{" + (extraLabel == null ? "" : extraLabel + ",")
                + "model_name=\"meta-llama/Llama-3.1-8B-Instruct\"}";
        Double v = samples.get(key);
        if (v == null) {
            throw new AssertionError("no sample " + key);
        }
        return v;
    }
}
