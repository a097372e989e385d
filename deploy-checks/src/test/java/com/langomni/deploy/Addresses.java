package com.langomni.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * In-cluster addresses of a render: a Service name, or {@code <statefulset>-<ordinal>.<headless service>} for one
 * replica. An address is good when its Service exposes the port and selects pods of some workload.
 */
final class Addresses {

    private final Manifests manifests;

    Addresses(Manifests manifests) {
        this.manifests = manifests;
    }

    /** What is wrong with the URL's host and port; empty when they reach pods. */
    Optional<String> checkUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URL: " + url);
        }
        if (uri.getHost() == null) {
            return Optional.of("no host in " + url);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : switch (uri.getScheme()) {
            case "https" -> 443;
            case "redis" -> 6379;
            default -> 80;
        };
        return check(uri.getHost(), port).map(problem -> url + ": " + problem);
    }

    /** What is wrong with host:port; empty when they reach pods. */
    Optional<String> check(String host, int port) {
        String[] labels = host.split("\\.");
        if (labels.length == 1) {
            Optional<JsonNode> service = manifests.find("Service", host);
            if (service.isEmpty()) {
                return Optional.of("no Service " + host);
            }
            return exposes(service.get(), port).or(() -> selectsPods(service.get()));
        }
        if (labels.length == 2) {
            return replica(labels[0], labels[1], port);
        }
        return Optional.of(host + " is not an in-cluster name of this render (service or replica.service)");
    }

    private Optional<String> replica(String pod, String serviceName, int port) {
        Optional<JsonNode> service = manifests.find("Service", serviceName);
        if (service.isEmpty()) {
            return Optional.of("no Service " + serviceName);
        }
        if (!"None".equals(service.get().path("spec").path("clusterIP").asText())) {
            return Optional.of("Service " + serviceName + " is not headless, so " + pod + "." + serviceName
                    + " has no DNS record");
        }
        Optional<String> portProblem = exposes(service.get(), port);
        if (portProblem.isPresent()) {
            return portProblem;
        }
        for (Workload w : manifests.workloads()) {
            boolean governs = w.kind().equals("StatefulSet")
                    && serviceName.equals(w.object().path("spec").path("serviceName").asText());
            if (governs && pod.startsWith(w.name() + "-")) {
                String ordinal = pod.substring(w.name().length() + 1);
                if (ordinal.matches("\\d+") && Integer.parseInt(ordinal) < w.replicas()) {
                    return Optional.empty();
                }
                return Optional.of(pod + " is not one of the " + w.replicas() + " replicas of " + w.id());
            }
        }
        return Optional.of("no StatefulSet with serviceName " + serviceName + " runs a pod " + pod);
    }

    private static Optional<String> exposes(JsonNode service, int port) {
        for (JsonNode p : service.path("spec").path("ports")) {
            if (p.path("port").asInt() == port) {
                return Optional.empty();
            }
        }
        return Optional.of("Service " + Manifests.name(service) + " does not expose port " + port);
    }

    private Optional<String> selectsPods(JsonNode service) {
        Map<String, String> selector = Workload.strings(service.path("spec").path("selector"));
        boolean selects = !selector.isEmpty() && manifests.workloads().stream()
                .anyMatch(w -> w.podLabels().entrySet().containsAll(selector.entrySet()));
        return selects ? Optional.empty()
                : Optional.of("Service " + Manifests.name(service) + " selects no pods of any workload");
    }
}
