package com.langomni.simulator.rest;

import static io.restassured.RestAssured.given;

import com.langomni.support.metrics.PrometheusText;

/** Reads /metrics, where every sample carries the served model's name. */
final class Metrics {
    private static final String MODEL = CompletionRoutesTests.MODEL;

    private Metrics() {
    }

    static PrometheusText scrape() {
        return PrometheusText.parse(given().get("/metrics").then().statusCode(200).extract().asString());
    }

    /** The sample of {@code name} with {@code extraLabel} (e.g. {@code finished_reason="stop"}, or null). */
    static double value(PrometheusText samples, String name, String extraLabel) {
        String series = name + "{" + (extraLabel == null ? "" : extraLabel + ",") + "model_name=\"" + MODEL + "\"}";
        return samples.find(series).orElseThrow(() -> new AssertionError("no sample " + series));
    }
}
