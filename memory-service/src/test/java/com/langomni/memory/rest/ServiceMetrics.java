package com.langomni.memory.rest;

import static io.restassured.RestAssured.given;

/** Reads this service's {@code /q/metrics}. */
final class ServiceMetrics {

    private ServiceMetrics() {
    }

    /**
     * The sum of the samples of a series: a metric name ({@code langomni_memory_store_size}) or a name with the
     * start of its labels ({@code langomni_memory_writes_total{kind="observation"}).
     */
    static double value(String series) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        boolean labelled = series.contains("{");
        return metrics.lines().filter(l -> !l.startsWith("#"))
                .filter(l -> labelled ? l.startsWith(series.endsWith("}") ? series.substring(0, series.length() - 1)
                        : series) : l.startsWith(series + " ") || l.startsWith(series + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
