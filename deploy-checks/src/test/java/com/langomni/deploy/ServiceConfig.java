package com.langomni.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a service's application.properties says about running it: the HTTP port, the metrics path and the environment
 * variables it reads, i.e. every {@code ${NAME:default}} placeholder and the environment form of every key (upper case,
 * anything but letters and digits as {@code _}, as SmallRye Config maps them).
 */
record ServiceConfig(int httpPort, String metricsPath, Set<String> readableEnv, Map<String, String> placeholders) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");

    /** Reads {@code relative} under the repository root. */
    static ServiceConfig read(Path relative) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Repo.root().resolve(relative))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
        Map<String, String> placeholders = new TreeMap<>();
        Set<String> readable = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            readable.add(envName(PROFILE.matcher(key).replaceFirst("")));
            Matcher m = PLACEHOLDER.matcher(properties.getProperty(key));
            while (m.find()) {
                placeholders.put(m.group(1), m.group(2) == null ? "" : m.group(2));
            }
        }
        readable.addAll(placeholders.keySet());
        String port = properties.getProperty("quarkus.http.port");
        if (port == null) {
            throw new IllegalStateException(relative + " sets no quarkus.http.port");
        }
        return new ServiceConfig(Integer.parseInt(port.trim()),
                properties.getProperty("quarkus.micrometer.export.prometheus.path", "/q/metrics"),
                Set.copyOf(readable), Map.copyOf(placeholders));
    }

    /** SmallRye Config's environment name of a property key. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    boolean reads(String env) {
        return readableEnv.contains(env);
    }

    /** Placeholders that default to this machine (make run): unset in a pod, the service would call itself. */
    Set<String> localDefaults() {
        return placeholders.entrySet().stream()
                .filter(e -> e.getValue().contains("localhost") || e.getValue().contains("127.0.0.1"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
