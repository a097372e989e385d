package com.langomni.orchestrator.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;

/** The admin the test configuration bootstraps (langomni.auth.admin.* in %test). */
public final class TestAdmin {

    public static final String NAME = "admin";
    public static final String PASSWORD = "tests-Operator-passphrase";

    private TestAdmin() {
    }

    public static String bearer() {
        return "Bearer " + login(NAME, PASSWORD);
    }

    public static String login(String name, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().path("token");
    }
}
