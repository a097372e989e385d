package com.langomni.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.gateway.config.GatewayConfig;
import com.langomni.gateway.support.FakeOrchestratorResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The web client's routes: runtime config, client-side routes answered with the app page, nothing else swallowed. */
@QuarkusTest
@WithTestResource(FakeOrchestratorResource.class)
class UiRoutesTests {

    @Test
    void envJsCarriesTheRuntimeConfigAndIsNeverCached() {
        given().get("/env.js").then().statusCode(200)
                .header("Content-Type", startsWith("text/javascript"))
                .header("Cache-Control", equalTo("no-store"))
                .body(startsWith("window.__LANGOMNI__ = {"))
                .body(containsString("\"apiBase\":\"\""))
                .body(containsString("\"wsBase\":\"\""))
                .body(containsString("\"version\":\""));
    }

    @Test
    void clientSideRoutesGetTheAppPage() {
        String page = given().get("/").then().statusCode(200)
                .header("Cache-Control", equalTo("no-cache")).extract().asString();
        for (String path : new String[] {"/play", "/login", "/admin", "/admin/players", "/admin/npcs/brann"}) {
            given().get(path).then().statusCode(200)
                    .header("Content-Type", startsWith("text/html"))
                    .header("Cache-Control", equalTo("no-cache"))
                    .body(equalTo(page));
        }
    }

    @Test
    void theBuiltBundleIsServedAsStaticFiles() {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(given().get("/").asString());
        // the full build always has the bundle; only a gateway built alone (-pl gateway-service) lacks it
        assumeTrue(script.find(), "built without admin-ui");
        given().get(script.group(1)).then().statusCode(200).header("Content-Type", containsString("javascript"));
    }

    @Test
    void unknownPathsOutsideTheAppAreNotAnsweredWithThePage() {
        given().get("/admins").then().statusCode(404);
        given().get("/q/nope").then().statusCode(404).body(not(containsString("<!doctype html>")));
    }

    @Test
    void envJsWritesConfiguredOriginsAsJson() {
        GatewayConfig.Ui ui = new GatewayConfig.Ui() {
            @Override
            public Optional<String> apiBase() {
                return Optional.of(" https://api.example.org ");
            }

            @Override
            public Optional<String> wsBase() {
                return Optional.of("wss://play.example.org/\"x");
            }
        };
        assertEquals("window.__LANGOMNI__ = {\"apiBase\":\"https://api.example.org\","
                + "\"wsBase\":\"wss://play.example.org/\\\"x\",\"version\":\"1.2.3\"};\n",
                UiRoutes.envJs(ui, "1.2.3", new ObjectMapper()));
    }
}
