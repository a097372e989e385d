package com.langomni.testkit;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.specification.RequestSpecification;

/**
 * Every RestAssured request of a {@code @QuarkusTest} carries a valid {@code X-Service-Token} of the service under
 * test: {@link ServiceAuthCallback} installs {@link #FILTER} before each test, so the tests of internal endpoints
 * read as they did before the endpoints needed one. A request that sets the header itself (a bad token) keeps its
 * own; {@link #withoutToken()} sends none.
 */
public final class ServiceAuthRestAssured {

    /** Adds a valid token to each request that has none. */
    public static final Filter FILTER = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName(ServiceAuth.HEADER)) {
            request.header(ServiceAuth.HEADER, ServiceAuth.token());
        }
        return context.next(request, response);
    };

    private ServiceAuthRestAssured() {
    }

    /** Installs {@link #FILTER} for every RestAssured request of this JVM (once). */
    public static synchronized void install() {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    /** A RestAssured request without the token (and without any other global filter). */
    public static RequestSpecification withoutToken() {
        return RestAssured.given().noFilters();
    }
}
