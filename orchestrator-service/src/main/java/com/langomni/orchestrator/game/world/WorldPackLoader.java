package com.langomni.orchestrator.game.world;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.langomni.orchestrator.game.rules.model.World;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads a world pack (YAML, see {@code world/pack.yaml}) into a validated {@link World}. Any problem, from bad YAML
 * to an exit into nowhere, is an {@link IllegalArgumentException} whose message names the offending entry.
 */
public final class WorldPackLoader {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private WorldPackLoader() {
    }

    public static World load(InputStream yaml) {
        Objects.requireNonNull(yaml, "yaml");
        PackDto pack;
        try {
            byte[] bytes = yaml.readAllBytes();
            pack = new String(bytes, StandardCharsets.UTF_8).isBlank() ? null : YAML.readValue(bytes, PackDto.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String line = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new IllegalArgumentException("world pack is not valid: " + e.getOriginalMessage() + line, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read world pack", e);
        }
        if (pack == null) {
            throw new IllegalArgumentException("world pack is empty");
        }
        return PackMapper.toWorld(pack);
    }

    /** Loads a pack from the class path, e.g. {@code "world/pack.yaml"}. */
    public static World fromClasspath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = WorldPackLoader.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("world pack '" + resource + "' not found on the class path");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read world pack '" + resource + "'", e);
        }
    }
}
