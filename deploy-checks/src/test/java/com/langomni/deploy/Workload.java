package com.langomni.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A Deployment or StatefulSet and the pod it runs. */
record Workload(JsonNode object) {

    static final Set<String> KINDS = Set.of("Deployment", "StatefulSet");

    String kind() {
        return object.path("kind").asText();
    }

    String name() {
        return Manifests.name(object);
    }

    /** "Deployment/gateway", for messages. */
    String id() {
        return kind() + "/" + name();
    }

    int replicas() {
        return object.path("spec").path("replicas").asInt(1);
    }

    JsonNode podSpec() {
        return object.path("spec").path("template").path("spec");
    }

    Map<String, String> podLabels() {
        return strings(object.path("spec").path("template").path("metadata").path("labels"));
    }

    Map<String, String> podAnnotations() {
        return strings(object.path("spec").path("template").path("metadata").path("annotations"));
    }

    /** Containers and init containers. */
    List<JsonNode> allContainers() {
        List<JsonNode> all = new ArrayList<>();
        podSpec().path("initContainers").forEach(all::add);
        podSpec().path("containers").forEach(all::add);
        return all;
    }

    List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        podSpec().path("containers").forEach(containers::add);
        return containers;
    }

    /** The only container; our services and the model servers run one each. */
    JsonNode container() {
        List<JsonNode> containers = containers();
        if (containers.size() != 1) {
            throw new AssertionError(id() + " runs " + containers.size() + " containers, expected one");
        }
        return containers.get(0);
    }

    static Map<String, String> strings(JsonNode map) {
        Map<String, String> result = new HashMap<>();
        map.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }
}
