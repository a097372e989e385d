package com.langomni.testkit;

import static io.restassured.RestAssured.given;

import com.langomni.support.metrics.PrometheusText;

/** Reads the {@code /q/metrics} of the service a {@code @QuarkusTest} runs (where RestAssured points). */
public final class ServiceMetrics {

    private ServiceMetrics() {
    }

    /** One read of {@code /q/metrics}. */
    public static PrometheusText scrape() {
        return PrometheusText.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /**
     * The sum of the samples of a series: a metric name ({@code langomni_gateway_sockets_open}) or a name with the
     * start of its labels ({@code langomni_gateway_actions_total{outcome="ok"}}); 0 when it has none.
     */
    public static double value(String series) {
        return scrape().sum(series);
    }
}
