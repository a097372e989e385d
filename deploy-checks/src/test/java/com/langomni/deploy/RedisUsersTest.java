package com.langomni.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Redis runs with a password for its default user and a subscribe-only ACL user for the gateway (the internet-facing
 * pods can neither read nor write a key); every service that uses Redis authenticates from the Secret; Qdrant and
 * memory-service share an API key; every service gets the service-auth secret. docker-compose.yml gives the gateway
 * the same ACL rules.
 */
class RedisUsersTest {

    /** Everything the gateway may run: the connection handshake and pattern subscriptions. */
    static final Set<String> GATEWAY_COMMANDS = Set.of("+psubscribe", "+punsubscribe", "+ping", "+hello", "+auth",
            "+client|setname", "+select", "+quit", "+reset");
    /** The fan-out channel patterns (game-api's Channels.PLAYER_PATTERN and LOCATION_PATTERN). */
    static final Set<String> GATEWAY_CHANNELS = Set.of("&langomni:player:*", "&langomni:loc:*");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void redisRequiresThePasswordFromTheSecret(Overlay overlay) {
        Workload redis = overlay.render().workload("redis");
        ContainerEnv env = ContainerEnv.of(redis.container(), overlay.render(), redis.id());
        List<String> args = args(redis, env);

        int at = args.indexOf("--requirepass");
        assertTrue(at >= 0, "redis runs without --requirepass: " + args);
        assertEquals("$(REDIS_PASSWORD)", args.get(at + 1));
        assertSecret(env, "REDIS_PASSWORD", "REDIS_PASSWORD");
        assertSecret(env, "REDISCLI_AUTH", "REDIS_PASSWORD"); // the probes' redis-cli
        assertSecret(env, "REDIS_GATEWAY_PASSWORD", "REDIS_GATEWAY_PASSWORD");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theGatewayUserMaySubscribeToTheFanOutAndNothingElse(Overlay overlay) {
        Workload redis = overlay.render().workload("redis");
        List<String> rules = gatewayRules(args(redis, ContainerEnv.of(redis.container(), overlay.render(), redis.id())));

        assertEquals("on", rules.get(0));
        assertEquals(">$(REDIS_GATEWAY_PASSWORD)", rules.get(1));
        assertGatewayRules(rules.subList(2, rules.size()), "Kubernetes");
    }

    @Test
    void dockerComposeGivesTheGatewayUserTheSameRules() throws IOException {
        JsonNode compose = new YAMLMapper().readTree(Repo.path("docker-compose.yml").toFile());
        List<String> command = new ArrayList<>();
        compose.path("services").path("redis").path("command").forEach(a -> command.add(a.asText()));
        assertTrue(command.contains("--requirepass"), "compose's redis runs without --requirepass: " + command);
        List<String> rules = gatewayRules(command);

        assertEquals("on", rules.get(0));
        assertTrue(rules.get(1).startsWith(">${REDIS_GATEWAY_PASSWORD"), rules.get(1));
        assertGatewayRules(rules.subList(2, rules.size()), "docker-compose.yml");

        Workload k8s = Overlay.SIM.render().workload("redis");
        List<String> k8sRules = gatewayRules(args(k8s, ContainerEnv.of(k8s.container(), Overlay.SIM.render(), "")));
        assertEquals(k8sRules.subList(2, k8sRules.size()), rules.subList(2, rules.size()), "the same ACL rules");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachServiceAuthenticatesToRedisAsItsUser(Overlay overlay) {
        Map<LangomniService, String> users = Map.of(
                LangomniService.GATEWAY, "gateway",
                LangomniService.ORCHESTRATOR, "default",
                LangomniService.WORLD_LLM, "default");
        for (LangomniService service : LangomniService.values()) {
            ContainerEnv env = ServiceWiringTest.env(overlay, service);
            String user = users.get(service);
            if (user == null) {
                assertTrue(!env.has("REDIS_URL") && !env.has("QUARKUS_REDIS_PASSWORD"),
                        service.k8sName() + " does not use Redis and gets no Redis settings");
                continue;
            }
            URI url = URI.create(env.literal("REDIS_URL"));
            // Vert.x takes the user from the query (?user=); user-info only with a password, which never goes here
            assertEquals(null, url.getUserInfo(), service.k8sName() + " REDIS_URL carries credentials: " + url);
            assertEquals("default".equals(user) ? null : "user=" + user, url.getQuery(),
                    service.k8sName() + " REDIS_URL names the wrong user: " + url);
            assertSecret(env, "QUARKUS_REDIS_PASSWORD", "gateway".equals(user) ? "REDIS_GATEWAY_PASSWORD" : "REDIS_PASSWORD");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void qdrantAndMemoryShareTheApiKeyAndPrometheusGetsTheReadOnlyOne(Overlay overlay) {
        Manifests m = overlay.render();
        Workload qdrant = m.workload("qdrant");
        ContainerEnv qdrantEnv = ContainerEnv.of(qdrant.container(), m, qdrant.id());

        assertSecret(qdrantEnv, "QDRANT__SERVICE__API_KEY", "QDRANT_API_KEY");
        assertSecret(qdrantEnv, "QDRANT__SERVICE__READ_ONLY_API_KEY", "QDRANT_READ_ONLY_API_KEY");
        assertSecret(ServiceWiringTest.env(overlay, LangomniService.MEMORY), "QDRANT_API_KEY", "QDRANT_API_KEY");
        String prometheus = m.workload("prometheus").podSpec().path("volumes").toString();
        assertTrue(prometheus.contains("\"QDRANT_READ_ONLY_API_KEY\""), "Prometheus mounts no Qdrant key: " + prometheus);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceGetsTheServiceAuthSecret(Overlay overlay) {
        for (LangomniService service : LangomniService.values()) {
            assertSecret(ServiceWiringTest.env(overlay, service), "LANGOMNI_SERVICE_AUTH_SECRET",
                    "LANGOMNI_SERVICE_AUTH_SECRET");
        }
    }

    private static void assertGatewayRules(List<String> rules, String where) {
        Set<String> commands = new TreeSet<>();
        Set<String> channels = new TreeSet<>();
        List<String> others = new ArrayList<>();
        for (String rule : rules) {
            if (rule.startsWith("+")) {
                commands.add(rule);
            } else if (rule.startsWith("&")) {
                channels.add(rule);
            } else if (!Set.of("resetkeys", "resetchannels", "-@all").contains(rule)) {
                others.add(rule); // a key pattern (~...), a category (+@...), allkeys, allchannels, nopass ...
            }
        }
        assertTrue(rules.containsAll(List.of("resetkeys", "resetchannels", "-@all")), where + ": " + rules);
        assertTrue(rules.indexOf("-@all") < rules.indexOf(commands.iterator().next()), where + ": -@all comes first");
        assertEquals(List.of(), others, where + ": the gateway user gets more than commands and channels");
        assertEquals(new TreeSet<>(GATEWAY_COMMANDS), commands, where + ": the gateway user's commands");
        assertEquals(new TreeSet<>(GATEWAY_CHANNELS), channels, where + ": the gateway user's channels");
    }

    /** The words after {@code --user gateway}, up to the next option. */
    static List<String> gatewayRules(List<String> args) {
        int at = -1;
        for (int i = 0; i + 1 < args.size(); i++) {
            if ("--user".equals(args.get(i)) && "gateway".equals(args.get(i + 1))) {
                at = i + 2;
            }
        }
        assertTrue(at > 0, "no --user gateway in " + args);
        List<String> rules = new ArrayList<>();
        for (int i = at; i < args.size() && !args.get(i).startsWith("--"); i++) {
            rules.add(args.get(i));
        }
        return rules;
    }

    private static List<String> args(Workload redis, ContainerEnv env) {
        List<String> args = new ArrayList<>();
        redis.container().path("command").forEach(a -> args.add(a.asText()));
        redis.container().path("args").forEach(a -> args.add(a.asText()));
        for (String arg : args) {
            // $(NAME) in args is expanded by the kubelet only for variables the container defines
            String expanded = env.expand(arg);
            assertTrue(!expanded.matches(".*\\$\\([A-Z_]+\\).*") || env.values().keySet().stream()
                    .anyMatch(n -> arg.contains("$(" + n + ")")), "undefined variable in redis argument " + arg);
        }
        return args;
    }

    private static void assertSecret(ContainerEnv env, String variable, String key) {
        ContainerEnv.Value value = env.values().get(variable);
        assertEquals(new ContainerEnv.Value.FromSecret("langomni-secrets", key, false), value,
                variable + " must come from langomni-secrets/" + key + " (required)");
    }
}
