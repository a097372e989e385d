package com.langomni.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What ingress-nginx would do with a request path: the most specific rule of all Ingresses wins (Exact over Prefix,
 * then the longest prefix), and that rule's Ingress annotations apply.
 */
class IngressTest {

    /** The rule a path lands on, with the Ingress it belongs to. */
    private record Route(JsonNode ingress, JsonNode path) {

        String service() {
            return path.path("backend").path("service").path("name").asText();
        }

        int port() {
            return path.path("backend").path("service").path("port").path("number").asInt();
        }

        Map<String, String> annotations() {
            return Workload.strings(ingress.path("metadata").path("annotations"));
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void thePlayerSocketReachesTheGatewayAndStaysOpen(Overlay overlay) {
        Route route = route(overlay.render(), "/ws/game/3f2c");

        assertEquals("gateway", route.service());
        assertEquals(8080, route.port());
        assertLongTimeouts(route);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theAdminStreamIsNotBuffered(Overlay overlay) {
        Route route = route(overlay.render(), "/api/admin/stream");

        assertEquals("gateway", route.service());
        assertEquals("off", route.annotations().get("nginx.ingress.kubernetes.io/proxy-buffering"),
                "server-sent events must reach the panel as they are sent");
        assertLongTimeouts(route);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everythingElseGoesToTheGatewayWithDefaultProxying(Overlay overlay) {
        for (String path : new String[] {"/", "/api/auth/login", "/play"}) {
            Route route = route(overlay.render(), path);

            assertEquals("gateway", route.service(), path);
            assertEquals(8080, route.port(), path);
            assertNotEquals("off", route.annotations().get("nginx.ingress.kubernetes.io/proxy-buffering"),
                    path + " should stay buffered");
        }
    }

    private static void assertLongTimeouts(Route route) {
        for (String timeout : new String[] {"proxy-read-timeout", "proxy-send-timeout"}) {
            String value = route.annotations().getOrDefault("nginx.ingress.kubernetes.io/" + timeout, "60");
            assertTrue(Integer.parseInt(value) >= 3600, timeout + " is " + value + " s, which cuts long connections");
        }
    }

    private static Route route(Manifests m, String requestPath) {
        Route best = null;
        int bestScore = -1;
        for (JsonNode ingress : m.ofKind("Ingress")) {
            assertEquals("nginx", ingress.path("spec").path("ingressClassName").asText(),
                    "Ingress " + Manifests.name(ingress) + " is not for ingress-nginx");
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    int score = score(path, requestPath);
                    if (score > bestScore) {
                        best = new Route(ingress, path);
                        bestScore = score;
                    }
                }
            }
        }
        if (best == null) {
            throw new AssertionError("no Ingress rule serves " + requestPath);
        }
        return best;
    }

    /** -1 when the rule does not match; otherwise higher for more specific rules. */
    private static int score(JsonNode path, String requestPath) {
        String rulePath = path.path("path").asText();
        if ("Exact".equals(path.path("pathType").asText())) {
            return rulePath.equals(requestPath) ? Integer.MAX_VALUE : -1;
        }
        String prefix = rulePath.endsWith("/") ? rulePath : rulePath + "/";
        boolean matches = rulePath.equals("/") || requestPath.equals(rulePath) || requestPath.startsWith(prefix);
        return matches ? rulePath.length() : -1;
    }
}
