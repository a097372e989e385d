package com.langomni.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.langomni.gateway.support.FakeOrchestratorResource;
import com.langomni.testkit.OversizedPost;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The gateway as the browser's edge: security headers on every kind of answer, and the request body limit. */
@QuarkusTest
@WithTestResource(FakeOrchestratorResource.class)
class EdgeLimitsTests {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @TestHTTPResource("/api/echo/upload")
    URI upload;

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        // the app page, a client route, runtime config, a forwarded API answer, a health check, a 404
        assertSecure(given().get("/").then().statusCode(200));
        assertSecure(given().get("/admin/players").then().statusCode(200));
        assertSecure(given().get("/env.js").then().statusCode(200));
        assertSecure(given().get("/api/health").then().statusCode(200));
        assertSecure(given().get("/q/health/live").then().statusCode(200));
        assertSecure(given().get("/nothing-here").then().statusCode(404));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndTheGatewayKeepsForwarding() {
        String big = "{\"text\":\"" + "x".repeat(70_000) + "\"}";

        assertEquals(413, OversizedPost.status(upload, big));

        given().contentType(ContentType.JSON).body("{\"text\":\"" + "x".repeat(60_000) + "\"}")
                .post("/api/echo/upload").then().statusCode(200);
        assertEquals(413, OversizedPost.status(upload, big), "still refused after a good request");
    }

    private static void assertSecure(ValidatableResponse response) {
        response.header("Content-Security-Policy", equalTo(CSP))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Permissions-Policy", equalTo("camera=(), microphone=(), geolocation=(), payment=(), usb=()"));
    }
}
