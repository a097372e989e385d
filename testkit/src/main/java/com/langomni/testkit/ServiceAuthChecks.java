package com.langomni.testkit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.function.Function;

/**
 * The checks every service that requires a service token makes of itself (its {@code ServiceAuthTests}): a call
 * without the header, with a malformed one, an altered signature, an expired token or a token of an unknown secret
 * is refused with 401 and the JSON error body; a token of the current or of the previous secret (a rotation under
 * way) gets through.
 */
public final class ServiceAuthChecks {

    private ServiceAuthChecks() {
    }

    /**
     * @param call     the call made, given a request specification without a token or with the one to try
     * @param expected the status the call gets with a valid token
     */
    public static void assertGuarded(Function<RequestSpecification, Response> call, int expected) {
        refused(call.apply(ServiceAuthRestAssured.withoutToken()), "is missing");
        for (String bad : new String[] {
                "Bearer " + ServiceAuth.token(), // not ours at all
                ServiceAuth.token(ServiceAuth.UNKNOWN_SECRET), // signed with a secret we do not know
                ServiceAuth.expiredToken(), // ours, but signed too long ago
                ServiceAuth.token(ServiceAuth.secret(), Instant.now().plusSeconds(3600)), // signed for later
                altered(ServiceAuth.token()), // a valid signature of another payload
        }) {
            refused(call.apply(withToken(bad)), "not valid");
        }
        call.apply(withToken(ServiceAuth.token())).then().statusCode(expected);
        call.apply(withToken(ServiceAuth.token(ServiceAuth.previousSecret()))).then().statusCode(expected);
    }

    /** Health and metrics need no token (kubelet and Prometheus have none); {@code /q/info} does. */
    public static void assertProbesOpen() {
        ServiceAuthRestAssured.withoutToken().get("/q/health/ready").then().statusCode(not(equalTo(401)));
        ServiceAuthRestAssured.withoutToken().get("/q/health/live").then().statusCode(200);
        ServiceAuthRestAssured.withoutToken().get("/q/health").then().statusCode(not(equalTo(401)));
        ServiceAuthRestAssured.withoutToken().get("/q/metrics").then().statusCode(200);
        refused(ServiceAuthRestAssured.withoutToken().get("/q/info"), "is missing");
        // a path that only looks open once resolved is judged by where it leads
        refused(ServiceAuthRestAssured.withoutToken().urlEncodingEnabled(false).get("/q/health/../info"), "missing");
    }

    private static RequestSpecification withToken(String token) {
        return ServiceAuthRestAssured.withoutToken().header(ServiceAuth.HEADER, token);
    }

    /** The same signature on a payload naming another service. */
    private static String altered(String token) {
        return token.replaceFirst("^v1\\.[^.]+\\.", "v1.orchestrator-service.");
    }

    private static void refused(Response response, String why) {
        response.then().statusCode(401).contentType("application/json")
                .body("code", equalTo("unauthorized"))
                .body("message", org.hamcrest.Matchers.containsString(why));
    }
}
