package com.langomni.orchestrator.game.world;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.langomni.orchestrator.game.rules.model.World;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a world in canonical JSON (sorted keys), so the same content gives the same checksum however the
 * pack files are laid out or formatted.
 */
public final class WorldChecksum {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private WorldChecksum() {
    }

    public static String of(World world) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(world);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot checksum the world", e);
        }
    }
}
