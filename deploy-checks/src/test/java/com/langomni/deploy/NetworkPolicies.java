package com.langomni.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The NetworkPolicies of a render, evaluated as Kubernetes does for traffic inside the namespace: a pod selected by
 * at least one policy accepts a connection when some ingress rule of a policy selecting it admits the source and
 * the port. A rule without {@code from} admits every source, one without {@code ports} every port. A peer naming
 * other namespaces or addresses ({@code namespaceSelector}, {@code ipBlock}) is counted as admitting anyone.
 */
final class NetworkPolicies {

    /** Every port: what a rule without {@code ports} opens. */
    static final int ANY_PORT = -1;

    private final List<JsonNode> policies;

    NetworkPolicies(Manifests manifests) {
        this.policies = manifests.ofKind("NetworkPolicy");
    }

    List<JsonNode> all() {
        return policies;
    }

    /**
     * The ports a pod with {@code sourceLabels} may open on a pod with {@code targetLabels} (ANY_PORT for all);
     * {@code sourceLabels} null: a client outside the namespace (the ingress controller, anyone else).
     */
    Set<Integer> ports(Map<String, String> targetLabels, Map<String, String> sourceLabels) {
        Set<Integer> ports = new TreeSet<>();
        boolean selected = false;
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            if (!selects(spec.path("podSelector"), targetLabels) || !hasType(spec, "Ingress")) {
                continue;
            }
            selected = true;
            for (JsonNode rule : spec.path("ingress")) {
                if (admits(rule, sourceLabels)) {
                    if (!rule.has("ports") || rule.path("ports").isEmpty()) {
                        ports.add(ANY_PORT);
                    }
                    rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
                }
            }
        }
        if (!selected) {
            ports.add(ANY_PORT); // no policy selects the pod: Kubernetes lets everything in
        }
        return ports;
    }

    /** Whether a pod with {@code sourceLabels} may open {@code port} on a pod with {@code targetLabels}. */
    boolean allows(Map<String, String> targetLabels, Map<String, String> sourceLabels, int port) {
        Set<Integer> ports = ports(targetLabels, sourceLabels);
        return ports.contains(ANY_PORT) || ports.contains(port);
    }

    private static boolean admits(JsonNode rule, Map<String, String> sourceLabels) {
        if (!rule.has("from")) {
            return true;
        }
        for (JsonNode peer : rule.path("from")) {
            // other namespaces or address blocks: counted as admitting anyone (the safe side for "only X" checks)
            if (peer.has("namespaceSelector") || peer.has("ipBlock")) {
                return true;
            }
            if (sourceLabels != null && selects(peer.path("podSelector"), sourceLabels)) {
                return true;
            }
        }
        return false;
    }

    /** A label selector (matchLabels only; matchExpressions are not used here and fail loudly). */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.has("matchExpressions")) {
            throw new AssertionError("matchExpressions are not evaluated by deploy-checks: " + selector);
        }
        return labels.entrySet().containsAll(Workload.strings(selector.path("matchLabels")).entrySet());
    }

    private static boolean hasType(JsonNode spec, String type) {
        JsonNode types = spec.path("policyTypes");
        if (types.isMissingNode() || types.isEmpty()) {
            return "Ingress".equals(type) || spec.has("egress");
        }
        for (JsonNode t : types) {
            if (type.equals(t.asText())) {
                return true;
            }
        }
        return false;
    }
}
