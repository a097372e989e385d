package com.langomni.testkit;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Registered through META-INF/services: before each {@code @QuarkusTest} of a module with this kit on its test
 * classpath, RestAssured gets {@link ServiceAuthRestAssured#FILTER} (idempotent).
 */
public class ServiceAuthCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ServiceAuthRestAssured.install();
    }
}
