package com.langomni.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who may reach whom, evaluated from the rendered NetworkPolicies for every pair of workloads (and a client outside
 * the namespace): exactly the callers each port needs, Prometheus only on the port it scrapes, and nothing a
 * service is configured to call left unreachable.
 */
class NetworkPolicyTest {

    /** Stands for any client outside the namespace (the ingress controller, the internet behind it). */
    private static final String OUTSIDE = "(outside)";

    /** workload -> port -> the workloads (or OUTSIDE) that may open it. */
    private static final Map<String, Map<Integer, Set<String>>> EXPECTED = Map.ofEntries(
            Map.entry("gateway", Map.of(8080, Set.of("*"))),
            Map.entry("orchestrator", Map.of(8081, Set.of("gateway", "prometheus"))),
            Map.entry("world-llm", Map.of(8082, Set.of("orchestrator", "prometheus"))),
            Map.entry("npc-llm", Map.of(8083, Set.of("orchestrator", "memory", "prometheus"))),
            Map.entry("memory", Map.of(8084, Set.of("orchestrator", "npc-llm", "prometheus"))),
            Map.entry("postgres", Map.of(5432, Set.of("orchestrator"))),
            // the gateway only as the subscribe-only ACL user (RedisUsersTest)
            Map.entry("redis", Map.of(6379, Set.of("orchestrator", "gateway", "world-llm"))),
            Map.entry("qdrant", Map.of(6333, Set.of("memory", "prometheus"), 6334, Set.of("memory"))),
            Map.entry("vllm-world", Map.of(8000, Set.of("world-llm", "prometheus"))),
            Map.entry("vllm-npc", Map.of(8000, Set.of("npc-llm", "prometheus"))),
            Map.entry("prometheus", Map.of(9090, Set.of("grafana"))),
            Map.entry("grafana", Map.of(3000, Set.of())));

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachPortIsOpenToExactlyItsCallers(Overlay overlay) {
        Manifests m = overlay.render();
        NetworkPolicies policies = new NetworkPolicies(m);
        List<Workload> workloads = m.workloads();
        Set<String> everyone = new TreeSet<>(List.of(OUTSIDE));
        workloads.forEach(w -> everyone.add(w.name()));

        Map<String, Map<Integer, Set<String>>> actual = new TreeMap<>();
        for (Workload target : workloads) {
            Map<Integer, Set<String>> byPort = new TreeMap<>();
            for (int port : containerPorts(target)) {
                Set<String> callers = new TreeSet<>();
                if (policies.allows(target.podLabels(), null, port)) {
                    callers.add(OUTSIDE);
                }
                for (Workload source : workloads) {
                    if (source != target && policies.allows(target.podLabels(), source.podLabels(), port)) {
                        callers.add(source.name());
                    }
                }
                byPort.put(port, callers.containsAll(everyone.stream().filter(n -> !n.equals(target.name())).toList())
                        ? Set.of("*") : callers);
            }
            actual.put(target.name(), byPort);
        }
        assertEquals(new TreeMap<>(EXPECTED), actual, overlay + ": callers per workload and port");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void prometheusReachesEachScrapedPodOnlyOnItsAnnotatedPort(Overlay overlay) {
        Manifests m = overlay.render();
        NetworkPolicies policies = new NetworkPolicies(m);
        Map<String, String> prometheus = m.workload("prometheus").podLabels();

        int scraped = 0;
        for (Workload target : m.workloads()) {
            String port = target.podAnnotations().get("prometheus.io/port");
            if (!"true".equals(target.podAnnotations().get("prometheus.io/scrape"))) {
                continue;
            }
            scraped++;
            assertEquals(Set.of(Integer.parseInt(port)), policies.ports(target.podLabels(), prometheus),
                    overlay + " " + target.id() + ": the ports Prometheus may open");
        }
        assertTrue(scraped >= 8, overlay + ": only " + scraped + " scraped workloads");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void ingressIsDeniedByDefaultAndNoRuleOpensEveryPort(Overlay overlay) {
        NetworkPolicies policies = new NetworkPolicies(overlay.render());
        boolean defaultDeny = false;
        List<String> problems = new ArrayList<>();
        for (JsonNode policy : policies.all()) {
            JsonNode spec = policy.path("spec");
            defaultDeny |= spec.path("podSelector").isEmpty() && spec.path("ingress").isEmpty()
                    && spec.path("policyTypes").toString().contains("Ingress");
            for (JsonNode rule : spec.path("ingress")) {
                if (rule.path("ports").isEmpty()) {
                    problems.add(Manifests.name(policy) + " has a rule that opens every port: " + rule);
                }
            }
        }
        assertTrue(defaultDeny, overlay + ": no default-deny ingress policy");
        assertEquals(List.of(), problems, overlay.toString());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyAddressAServiceCallsIsOpenToIt(Overlay overlay) {
        Manifests m = overlay.render();
        NetworkPolicies policies = new NetworkPolicies(m);
        List<String> problems = new ArrayList<>();
        for (LangomniService service : LangomniService.values()) {
            Workload source = m.workload(service.k8sName());
            ContainerEnv env = ServiceWiringTest.env(overlay, service);
            env.values().forEach((name, value) -> {
                if (value instanceof ContainerEnv.Value.Literal l && (name.endsWith("_URL") || name.endsWith("_URLS"))) {
                    for (String url : l.value().split(",")) {
                        URI uri = URI.create(url.trim());
                        int port = uri.getPort() != -1 ? uri.getPort() : "redis".equals(uri.getScheme()) ? 6379 : 80;
                        reachable(m, policies, source, uri.getHost(), port)
                                .ifPresent(p -> problems.add(source.name() + " " + name + "=" + url + ": " + p));
                    }
                }
            });
            if (env.has("DB_HOST")) {
                reachable(m, policies, source, env.literal("DB_HOST"), Integer.parseInt(env.literal("DB_PORT")))
                        .ifPresent(p -> problems.add(source.name() + " DB_HOST: " + p));
            }
        }
        assertEquals(List.of(), problems, overlay.toString());
    }

    /** What keeps {@code source} from opening host:port (a Service, or replica.headless-service); empty if nothing. */
    private static Optional<String> reachable(Manifests m, NetworkPolicies policies, Workload source, String host,
            int port) {
        String serviceName = host.contains(".") ? host.substring(host.indexOf('.') + 1) : host;
        JsonNode service = m.get("Service", serviceName);
        Map<String, String> selector = Workload.strings(service.path("spec").path("selector"));
        Workload target = m.workloads().stream()
                .filter(w -> w.podLabels().entrySet().containsAll(selector.entrySet())).findFirst()
                .orElseThrow(() -> new AssertionError("Service " + serviceName + " selects no workload"));
        int containerPort = targetPort(service, target, port);
        return policies.allows(target.podLabels(), source.podLabels(), containerPort) ? Optional.empty()
                : Optional.of("no NetworkPolicy lets " + source.id() + " open " + target.id() + " port " + containerPort);
    }

    private static int targetPort(JsonNode service, Workload target, int servicePort) {
        for (JsonNode p : service.path("spec").path("ports")) {
            if (p.path("port").asInt() == servicePort) {
                JsonNode targetPort = p.path("targetPort");
                if (targetPort.isMissingNode()) {
                    return servicePort;
                }
                if (targetPort.isInt() || targetPort.asText().matches("\\d+")) {
                    return targetPort.asInt(Integer.parseInt(targetPort.asText()));
                }
                for (JsonNode c : target.containers()) {
                    for (JsonNode cp : c.path("ports")) {
                        if (targetPort.asText().equals(cp.path("name").asText())) {
                            return cp.path("containerPort").asInt();
                        }
                    }
                }
            }
        }
        throw new AssertionError("Service " + Manifests.name(service) + " has no port " + servicePort);
    }

    private static Set<Integer> containerPorts(Workload w) {
        Set<Integer> ports = new TreeSet<>();
        for (JsonNode c : w.containers()) {
            c.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt()));
        }
        return ports;
    }
}
