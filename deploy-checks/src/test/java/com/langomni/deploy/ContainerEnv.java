package com.langomni.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's environment as the kubelet would build it from the render: envFrom ConfigMaps first, then env (which
 * wins). ConfigMap values are resolved; Secret values are only known by reference (the Secret is not in the render).
 * A reference to a ConfigMap or key that is not rendered fails, as it would keep the pod from starting.
 */
final class ContainerEnv {

    /** One variable: a literal value, or a key of a Secret. */
    sealed interface Value {
        record Literal(String value) implements Value {
        }

        record FromSecret(String secret, String key, boolean optional) implements Value {
        }

        record FromField(String fieldPath) implements Value {
        }
    }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final Map<String, Value> values;

    private ContainerEnv(Map<String, Value> values) {
        this.values = values;
    }

    static ContainerEnv of(JsonNode container, Manifests manifests, String owner) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("secretRef")) {
                throw new AssertionError(owner + ": envFrom secretRef hides which keys the pod gets; use secretKeyRef");
            }
            JsonNode ref = source.path("configMapRef");
            Optional<JsonNode> configMap = manifests.find("ConfigMap", ref.path("name").asText());
            if (configMap.isEmpty()) {
                if (ref.path("optional").asBoolean(false)) {
                    continue;
                }
                throw new AssertionError(owner + ": envFrom names ConfigMap " + ref.path("name").asText()
                        + ", which is not rendered");
            }
            configMap.get().path("data").properties().forEach(
                    e -> values.put(source.path("prefix").asText("") + e.getKey(), new Value.Literal(e.getValue().asText())));
        }
        for (JsonNode variable : container.path("env")) {
            values.put(variable.path("name").asText(), value(variable, manifests, owner));
        }
        return new ContainerEnv(values);
    }

    private static Value value(JsonNode variable, Manifests manifests, String owner) {
        if (!variable.has("valueFrom")) {
            return new Value.Literal(variable.path("value").asText(""));
        }
        JsonNode from = variable.path("valueFrom");
        if (from.has("secretKeyRef")) {
            JsonNode ref = from.path("secretKeyRef");
            return new Value.FromSecret(ref.path("name").asText(), ref.path("key").asText(),
                    ref.path("optional").asBoolean(false));
        }
        if (from.has("configMapKeyRef")) {
            JsonNode ref = from.path("configMapKeyRef");
            String name = ref.path("name").asText();
            String key = ref.path("key").asText();
            JsonNode data = manifests.find("ConfigMap", name)
                    .orElseThrow(() -> new AssertionError(owner + ": " + variable.path("name").asText()
                            + " reads ConfigMap " + name + ", which is not rendered"))
                    .path("data");
            if (!data.has(key)) {
                throw new AssertionError(owner + ": " + variable.path("name").asText() + " reads key " + key
                        + " that ConfigMap " + name + " does not have");
            }
            return new Value.Literal(data.path(key).asText());
        }
        return new Value.FromField(from.toString());
    }

    Map<String, Value> values() {
        return values;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The literal value of a variable; fails when it is unset or comes from a Secret. */
    String literal(String name) {
        Value value = values.get(name);
        if (value instanceof Value.Literal literal) {
            return literal.value();
        }
        throw new AssertionError(name + " is " + (value == null ? "not set" : "not a literal: " + value));
    }

    /** Expands Kubernetes' {@code $(NAME)} references in an argument, as the kubelet does. */
    String expand(String argument) {
        Matcher m = REFERENCE.matcher(argument);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    values.get(m.group(1)) instanceof Value.Literal l ? l.value() : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
