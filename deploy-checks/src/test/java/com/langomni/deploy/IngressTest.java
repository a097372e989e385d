package com.langomni.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What ingress-nginx would do with a request path: the most specific rule of all Ingresses wins (Exact over Prefix,
 * then the longest prefix), and that rule's Ingress annotations apply. Also the edge's hardening: TLS everywhere, /q/
 * refused, every public route rate-limited and body-capped (logins hardest), with default ingress-nginx settings.
 */
class IngressTest {

    private static final String NGINX = "nginx.ingress.kubernetes.io/";
    /** Paths the internet reaches, each with the largest body it may send. */
    private static final Map<String, Integer> PUBLIC = Map.of(
            "/", 64 * 1024, "/play", 64 * 1024, "/api/game/action", 64 * 1024, "/api/admin/players", 64 * 1024,
            "/api/auth/login", 8 * 1024, "/api/auth/register", 8 * 1024, "/ws/game/3f2c", 1024,
            "/api/admin/stream", 1024);

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

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyIngressServesTlsFromCertManagerAndRedirectsPlainHttp(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode ingress : overlay.render().ofKind("Ingress")) {
            String name = Manifests.name(ingress);
            Map<String, String> annotations = Workload.strings(ingress.path("metadata").path("annotations"));
            if (annotations.getOrDefault("cert-manager.io/cluster-issuer", "").isBlank()) {
                problems.add(name + " has no cert-manager.io/cluster-issuer");
            }
            if (!"true".equals(annotations.get(NGINX + "ssl-redirect"))) {
                problems.add(name + " does not redirect plain HTTP");
            }
            Set<String> tlsHosts = new HashSet<>();
            for (JsonNode tls : ingress.path("spec").path("tls")) {
                if (!"langomni-tls".equals(tls.path("secretName").asText())) {
                    problems.add(name + " TLS secret is " + tls.path("secretName") + ", documented is langomni-tls");
                }
                tls.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
            }
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                String host = rule.path("host").asText();
                if (host.isBlank() || !tlsHosts.contains(host)) {
                    problems.add(name + " serves host '" + host + "' without a certificate for it: " + tlsHosts);
                }
            }
        }
        assertEquals(List.of(), problems, overlay.toString());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theInternalEndpointsAreRefusedAtTheIngress(Overlay overlay) {
        for (String path : new String[] {"/q", "/q/metrics", "/q/health/ready", "/q/info", "/q/openapi"}) {
            Map<String, String> annotations = route(overlay.render(), path).annotations();
            // an allow-list no client matches: ingress-nginx answers 403 (no snippet needed)
            assertEquals("127.0.0.1/32", annotations.get(NGINX + "allowlist-source-range"), path);
            assertEquals("127.0.0.1/32", annotations.get(NGINX + "whitelist-source-range"), path);
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyPublicRouteIsRateLimitedAndBodyCapped(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        PUBLIC.forEach((path, maxBody) -> {
            Map<String, String> annotations = route(overlay.render(), path).annotations();
            if (perMinute(annotations) == Integer.MAX_VALUE) {
                problems.add(path + " has no limit-rps or limit-rpm");
            }
            if (!annotations.containsKey(NGINX + "limit-connections")) {
                problems.add(path + " has no limit-connections");
            }
            String body = annotations.get(NGINX + "proxy-body-size");
            if (body == null || bytes(body) > maxBody) {
                problems.add(path + " proxy-body-size " + body + ", at most " + maxBody + " bytes wanted");
            }
        });
        assertEquals(List.of(), problems, overlay.toString());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void loginsAndRegistrationsAreLimitedHarderThanTheRestOfTheApi(Overlay overlay) {
        Manifests m = overlay.render();
        int api = perMinute(route(m, "/api/game/action").annotations());
        for (String path : new String[] {"/api/auth/login", "/api/auth/register", "/api/auth/ticket"}) {
            Map<String, String> auth = route(m, path).annotations();
            int limit = perMinute(auth);
            assertTrue(limit <= 60 && limit < api, path + ": " + limit + "/min against " + api + "/min for the API");
            int burst = limit * Integer.parseInt(auth.getOrDefault(NGINX + "limit-burst-multiplier", "5"));
            assertTrue(burst <= 60, path + " lets a burst of " + burst + " through");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noIngressNeedsConfigurationSnippets(Overlay overlay) {
        // ingress-nginx refuses snippet annotations by default (allow-snippet-annotations: false)
        for (JsonNode ingress : overlay.render().ofKind("Ingress")) {
            ingress.path("metadata").path("annotations").fieldNames().forEachRemaining(a ->
                    assertFalse(a.contains("snippet"), Manifests.name(ingress) + " uses " + a));
        }
    }

    @Test
    void oneDocumentedPatchSetsTheHostOnEveryIngress(@TempDir Path dir) throws IOException {
        // deploy/k8s/README.md, "Host and TLS": the patch an operator's overlay applies (kustomize wants a relative path)
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources:
                  - %s
                patches:
                  - target: {group: networking.k8s.io, kind: Ingress}
                    patch: |-
                      - {op: replace, path: /spec/rules/0/host, value: play.example.org}
                      - {op: replace, path: /spec/tls/0/hosts/0, value: play.example.org}
                """.formatted(dir.relativize(Overlay.SIM.dir())));
        Manifests m = Manifests.parse(Kubectl.fromEnvironment().kustomize(dir));

        List<JsonNode> ingresses = m.ofKind("Ingress");
        assertEquals(Overlay.SIM.render().ofKind("Ingress").size(), ingresses.size());
        for (JsonNode ingress : ingresses) {
            assertEquals("[\"play.example.org\"]", ingress.path("spec").path("tls").path(0).path("hosts").toString());
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                assertEquals("play.example.org", rule.path("host").asText(), Manifests.name(ingress));
            }
        }
    }

    /** The rate an Ingress allows per client address, per minute (MAX_VALUE when unlimited). */
    private static int perMinute(Map<String, String> annotations) {
        int limit = Integer.MAX_VALUE;
        if (annotations.containsKey(NGINX + "limit-rps")) {
            limit = Integer.parseInt(annotations.get(NGINX + "limit-rps")) * 60;
        }
        if (annotations.containsKey(NGINX + "limit-rpm")) {
            limit = Math.min(limit, Integer.parseInt(annotations.get(NGINX + "limit-rpm")));
        }
        return limit;
    }

    /** nginx sizes: 512, 8k, 1m. */
    private static long bytes(String size) {
        String s = size.trim().toLowerCase();
        long unit = s.endsWith("k") ? 1024 : s.endsWith("m") ? 1024 * 1024 : 1;
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
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
