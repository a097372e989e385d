package com.langomni.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.langomni.testkit.ServiceAuth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The auth matrix: requests with a credential that must not work (none, forged, expired, revoked, another
 * player's, a player's where an admin's or a service's is needed), each with the status it must get. A cell whose
 * status differs fails; one answered 2xx (or a socket that opens) is a bypass. A few control cells show that the
 * same requests succeed with the right credential, so a refusal is not an accident of a wrong URL.
 */
final class AuthMatrix {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    /** A socket that is neither welcomed nor closed within this long counts as open (a bypass). */
    private static final Duration SOCKET_VERDICT = Duration.ofSeconds(10);
    static final int REFUSED = -1;

    /** One request and what it must get; {@code control} names the control it tests (a part of issue #16). */
    record Cell(String credential, String target, String control, int expected, Probe probe) {
    }

    /** The status a request got; {@link #REFUSED} for a socket refused at or right after its handshake. */
    @FunctionalInterface
    interface Probe {
        int status();
    }

    record Outcome(Cell cell, int status, String detail) {
        boolean passed() {
            return status == cell.expected();
        }

        boolean bypass() {
            return cell.expected() >= 400 || cell.expected() == REFUSED ? status >= 200 && status < 300 : false;
        }
    }

    private final Platform platform;
    /** Runs a socket ticket's time out where it is kept (Redis), as its TTL would. */
    private final java.util.function.Consumer<String> expireTicket;
    private final List<Cell> cells = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    AuthMatrix(Platform platform, java.util.function.Consumer<String> expireTicket) {
        this.platform = platform;
        this.expireTicket = expireTicket;
    }

    /** Builds the cells, runs them and returns the report. */
    String run(Api api, Game game, String admin) {
        Game.Player dilys = game.register("Dilys");
        Game.Player emrys = game.register("Emrys");
        String gateway = platform.gatewayA.baseUrl();
        String orchestrator = platform.orchestrator.baseUrl();
        String dilysPath = "/api/game/player/" + dilys.id;

        // credentials that must not work
        String forged = dilys.token.substring(0, dilys.token.indexOf('.') + 1)
                + B64.encodeToString(hmac("not-the-secret", dilys.token.substring(0, dilys.token.indexOf('.'))));
        String asAdmin = withClaims(dilys.token, claims -> claims.put("role", "admin"), null); // signature kept
        String unsigned = dilys.token.substring(0, dilys.token.indexOf('.') + 1);
        String expired = withClaims(dilys.token, claims -> claims.put("expiresAt", 1_000_000_000L),
                Platform.AUTH_SECRET); // rightly signed, session live: only the expiry refuses it
        Api.Response second = api.post("/api/auth/login", "{\"name\":\"Emrys\",\"password\":\"emrys-secret-1\"}", null);
        assertEquals(200, second.status(), second.body().toString());
        String revoked = second.body().path("token").asText();
        assertEquals(204, status("POST", gateway + "/api/auth/logout", bearer(revoked), ""), "logout");

        add("no credential", "GET " + dilysPath, "auth", 401, () -> status("GET", gateway + dilysPath, Map.of(), null));
        add("forged signature", "GET " + dilysPath, "auth", 401,
                () -> status("GET", gateway + dilysPath, bearer(forged), null));
        add("claims edited (role admin), signature kept", "GET /api/admin/players", "auth", 401,
                () -> status("GET", gateway + "/api/admin/players", bearer(asAdmin), null));
        add("no signature", "GET " + dilysPath, "auth", 401,
                () -> status("GET", gateway + dilysPath, bearer(unsigned), null));
        add("expired (rightly signed)", "GET " + dilysPath, "auth", 401,
                () -> status("GET", gateway + dilysPath, bearer(expired), null));
        add("revoked (logged out)", "GET /api/game/player/" + emrys.id, "sessions", 401,
                () -> status("GET", gateway + "/api/game/player/" + emrys.id, bearer(revoked), null));
        add("revoked (logged out)", "POST /api/game/action", "sessions", 401,
                () -> status("POST", gateway + "/api/game/action", bearer(revoked), "{\"text\":\"look\"}"));

        // another player's token on a player-scoped resource
        add("another player's token", "GET " + dilysPath + " (HP, place, inventory)", "throttle", 403,
                () -> status("GET", gateway + dilysPath, bearer(emrys.token), null));
        add("another player's token", "socket /ws/game/{Dilys}", "auth", REFUSED,
                () -> socket(gateway + "/ws/game/" + dilys.id + "?token=" + url(emrys.token)));
        add("another player's token", "POST /internal/sessions/{Dilys}/open (orchestrator)", "service-auth", 401,
                () -> status("POST", orchestrator + "/internal/sessions/" + dilys.id + "/open?gateway=g&connection=c",
                        bearer(emrys.token), ""));

        // sockets: the token leaves the URL for a short-lived single-use ticket
        add("no credential", "socket /ws/game/{Dilys}", "auth", REFUSED,
                () -> socket(gateway + "/ws/game/" + dilys.id));
        add("forged signature", "socket /ws/game/{Dilys}?token=", "auth", REFUSED,
                () -> socket(gateway + "/ws/game/" + dilys.id + "?token=" + url(forged)));
        add("own token in the URL", "socket /ws/game/{Dilys}?token=", "ticket", REFUSED,
                () -> socket(gateway + "/ws/game/" + dilys.id + "?token=" + url(dilys.token)));

        // socket tickets: the player's own, single use, short-lived
        String once = PlayerSocket.ticket(gateway, emrys.token);
        add("control: own ticket", "socket /ws/game/{own}?ticket=", "-", 101,
                () -> socket(gateway + "/ws/game/" + emrys.id + "?ticket=" + url(once)));
        add("ticket used once already", "socket /ws/game/{own}?ticket=", "ticket", REFUSED,
                () -> socket(gateway + "/ws/game/" + emrys.id + "?ticket=" + url(once)));
        String emrysTicket = PlayerSocket.ticket(gateway, emrys.token);
        add("another player's ticket", "socket /ws/game/{Dilys}?ticket=", "ticket", REFUSED,
                () -> socket(gateway + "/ws/game/" + dilys.id + "?ticket=" + url(emrysTicket)));
        add("unknown ticket", "socket /ws/game/{Dilys}?ticket=", "ticket", REFUSED,
                () -> socket(gateway + "/ws/game/" + dilys.id + "?ticket=" + "x".repeat(43)));
        String expiring = PlayerSocket.ticket(gateway, dilys.token);
        add("expired ticket (its time run out in Redis)", "socket /ws/game/{Dilys}?ticket=", "ticket", REFUSED,
                () -> {
                    expireTicket.accept(expiring);
                    return socket(gateway + "/ws/game/" + dilys.id + "?ticket=" + url(expiring));
                });

        // a player's token where an admin's is needed
        String[][] adminOnly = {
            {"GET", "/api/admin/players", null},
            {"GET", "/api/admin/players/" + dilys.id, null},
            {"PUT", "/api/admin/players/" + emrys.id + "/role", "{\"role\":\"admin\"}"},
            {"POST", "/api/admin/players/" + dilys.id + "/ban", "{\"minutes\":60,\"reason\":\"x\"}"},
            {"POST", "/api/admin/players/" + emrys.id + "/reset-hp", ""},
            {"DELETE", "/api/admin/players/" + dilys.id + "/memories", null},
            {"GET", "/api/admin/npcs/brannoc/memories", null},
            {"GET", "/api/admin/metrics/gpu", null},
            {"PUT", "/api/admin/metering/world-budget", "{\"tokensPerHour\":1}"},
            {"GET", "/api/admin/memory/dead-letters", null},
        };
        for (String[] a : adminOnly) {
            add("player token", a[0] + " " + a[1], "admin role", 403,
                    () -> status(a[0], gateway + a[1], bearer(emrys.token), a[2]));
        }
        add("player token", "GET /api/health/detailed", "edge", 403,
                () -> status("GET", gateway + "/api/health/detailed", bearer(emrys.token), null));
        add("no credential", "GET /api/health/detailed", "edge", 401,
                () -> status("GET", gateway + "/api/health/detailed", Map.of(), null));

        // internal endpoints: no credential, a player's token, a service token signed with another secret, one
        // rightly signed an hour ago
        String badService = ServiceAuth.token(ServiceAuth.UNKNOWN_SECRET);
        String oldService = ServiceAuth.token(Platform.SERVICE_SECRET, Instant.now().minus(Duration.ofHours(1)));
        String[][] internal = {
            {"world-llm", platform.world.baseUrl(), "POST", "/api/narrate", "{}"},
            {"world-llm", platform.world.baseUrl(), "GET", "/api/backends", null},
            {"npc-llm", platform.npc.baseUrl(), "POST", "/api/npc/reply", "{}"},
            {"npc-llm", platform.npc.baseUrl(), "POST", "/api/npc/reflect", "{\"ownerId\":\"brannoc\",\"memories\":[]}"},
            {"npc-llm", platform.npc.baseUrl(), "GET", "/api/backends", null},
            {"memory", platform.memory.baseUrl(), "GET", "/api/memories?owner=brannoc", null},
            {"memory", platform.memory.baseUrl(), "POST", "/api/memories/search", "{\"ownerId\":\"brannoc\",\"query\":\"x\"}"},
            {"memory", platform.memory.baseUrl(), "GET", "/api/memories/count?owner=brannoc", null},
            {"memory", platform.memory.baseUrl(), "DELETE", "/api/memories?owner=brannoc", null},
            {"orchestrator", orchestrator, "POST", "/internal/sessions/" + emrys.id + "/open?gateway=g&connection=c", ""},
            {"orchestrator", orchestrator, "GET", "/internal/sessions/" + emrys.id + "/frames?after=0", null},
            {"orchestrator", orchestrator, "POST", "/internal/gateways/g/heartbeat", "{}"},
            {"orchestrator", orchestrator, "POST", "/internal/actions", "{}"},
            {"orchestrator", orchestrator, "POST", "/internal/tickets/redeem", "{\"ticket\":\"x\"}"},
        };
        for (String[] e : internal) {
            String target = e[2] + " " + e[3] + " (" + e[0] + ")";
            add("no credential", target, "service-auth", 401, () -> status(e[2], e[1] + e[3], Map.of(), e[4]));
            add("player token", target, "service-auth", 401,
                    () -> status(e[2], e[1] + e[3], bearer(emrys.token), e[4]));
            add("service token, wrong secret", target, "service-auth", 401,
                    () -> status(e[2], e[1] + e[3], Map.of(ServiceAuth.HEADER, badService), e[4]));
            add("service token, expired (rightly signed)", target, "service-auth", 401,
                    () -> status(e[2], e[1] + e[3], Map.of(ServiceAuth.HEADER, oldService), e[4]));
        }
        add("player token", "GET /internal/sessions/{id}/frames through the gateway", "edge", 404,
                () -> status("GET", gateway + "/internal/sessions/" + emrys.id + "/frames?after=0", bearer(emrys.token),
                        null));

        // controls: the right credential works, so each refusal above is the credential's
        add("control: own token", "GET /api/game/player/{own}", "-", 200,
                () -> status("GET", gateway + "/api/game/player/" + emrys.id, bearer(emrys.token), null));
        add("control: admin token", "GET /api/admin/players", "-", 200,
                () -> status("GET", gateway + "/api/admin/players", bearer(admin), null));
        add("control: admin token", "GET /api/admin/players/" + "{Dilys}", "-", 200,
                () -> status("GET", gateway + "/api/admin/players/" + dilys.id, bearer(admin), null));
        Map<String, String> service = Map.of(ServiceAuth.HEADER, Platform.serviceToken());
        add("control: service token", "GET /api/backends (world-llm)", "-", 200,
                () -> status("GET", platform.world.baseUrl() + "/api/backends", service, null));
        add("control: service token", "GET /api/memories/count?owner=npc:brannoc (memory)", "-", 200,
                () -> status("GET", platform.memory.baseUrl() + "/api/memories/count?owner=npc:brannoc", service,
                        null));
        add("control: service and player token", "GET /internal/sessions/{own}/frames?after=0 (orchestrator)", "-",
                200, () -> status("GET", orchestrator + "/internal/sessions/" + emrys.id + "/frames?after=0",
                        Map.of(ServiceAuth.HEADER, Platform.serviceToken(), "Authorization", "Bearer " + emrys.token),
                        null));

        for (Cell c : cells) {
            int status;
            String detail = "";
            try {
                status = c.probe().status();
            } catch (RuntimeException e) {
                status = 0;
                detail = e.toString();
            }
            outcomes.add(new Outcome(c, status, detail));
        }
        // nothing the player token tried took: Emrys is no admin, Dilys is not banned
        Api.Response emrysNow = api.get("/api/admin/players/" + emrys.id, admin);
        assertEquals("player", emrysNow.body().path("role").asText(), emrysNow.body().toString());
        return report();
    }

    String summary() {
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        long bypasses = outcomes.stream().filter(Outcome::bypass).count();
        return outcomes.size() + " cells: " + (outcomes.size() - failed) + " as expected, " + failed + " not, "
                + bypasses + " bypasses (" + (failed == 0 ? "PASS" : "FAIL") + ")";
    }

    /** One line per cell that did not get its expected status; empty when all did. */
    String failures() {
        StringBuilder s = new StringBuilder();
        outcomes.stream().filter(o -> !o.passed()).forEach(o -> s.append(o.cell().credential()).append(" -> ")
                .append(o.cell().target()).append(": expected ").append(show(o.cell().expected())).append(", got ")
                .append(show(o.status())).append(o.bypass() ? " (BYPASS)" : "").append('\n'));
        return s.toString();
    }

    private String report() {
        StringBuilder r = new StringBuilder("# Auth matrix\n\n").append(summary()).append("\n\n");
        r.append("| credential | request | control | expected | got | verdict |\n|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            r.append("| ").append(o.cell().credential()).append(" | ").append(o.cell().target()).append(" | ")
                    .append(o.cell().control()).append(" | ").append(show(o.cell().expected())).append(" | ")
                    .append(show(o.status())).append(o.detail().isEmpty() ? "" : " " + o.detail()).append(" | ")
                    .append(o.passed() ? "ok" : o.bypass() ? "**BYPASS**" : "**wrong status**").append(" |\n");
        }
        Map<String, int[]> byControl = new LinkedHashMap<>();
        outcomes.forEach(o -> {
            int[] n = byControl.computeIfAbsent(o.cell().control(), k -> new int[2]);
            n[0]++;
            n[1] += o.passed() ? 0 : 1;
        });
        r.append("\n| control | cells | not as expected |\n|---|---|---|\n");
        byControl.forEach((k, n) -> r.append("| ").append(k).append(" | ").append(n[0]).append(" | ").append(n[1])
                .append(" |\n"));
        return r.toString();
    }

    private void add(String credential, String target, String control, int expected, Probe probe) {
        cells.add(new Cell(credential, target, control, expected, probe));
    }

    private static String show(int status) {
        return status == REFUSED ? "refused" : status == 0 ? "no answer" : Integer.toString(status);
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static int status(String method, String url, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a socket: {@link #REFUSED} when the handshake fails or the server closes it before any welcome, 101 when
     * a welcome frame arrives (the credential worked).
     */
    static int socket(String httpUrl) {
        CompletableFuture<Integer> verdict = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    if (text.toString().contains("\"welcome\"")) {
                        verdict.complete(101);
                    }
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                verdict.complete(REFUSED);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                verdict.complete(REFUSED);
            }
        };
        WebSocket ws;
        try {
            ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(httpUrl.replace("http://", "ws://")), listener).join();
        } catch (CompletionException handshakeRefused) {
            return REFUSED;
        }
        try {
            return verdict.get(SOCKET_VERDICT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException silent) {
            return 101; // open and kept open: the credential was taken
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            ws.abort();
        }
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The token with its claims edited; signed with {@code secret}, or with its old signature kept when null. */
    private static String withClaims(String token, java.util.function.Consumer<ObjectNode> edit, String secret) {
        int dot = token.indexOf('.');
        try {
            ObjectNode claims = (ObjectNode) JSON.readTree(B64D.decode(token.substring(0, dot)));
            edit.accept(claims);
            String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
            return payload + "." + (secret == null ? token.substring(dot + 1) : B64.encodeToString(hmac(secret, payload)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
