package com.langomni.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the truth from PostgreSQL after a drill: how many event-log rows each action id has, and whether a
 * player's stored state is what the applied events add up to.
 */
final class EventLogAudit {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A player's location and inventory (item ids, sorted). */
    record State(String locationId, List<String> inventory) {
        static State of(JsonNode player) {
            List<String> items = new ArrayList<>();
            player.path("inventory").forEach(i -> items.add(i.isTextual() ? i.asText() : i.path("id").asText()));
            return new State(player.path("locationId").asText(), sorted(items));
        }
    }

    private final LocalPostgres pg;
    private final String database;

    /** A connection per question: a drill may have crashed PostgreSQL since the last one. */
    EventLogAudit(LocalPostgres pg, String database) {
        this.pg = pg;
        this.database = database;
    }

    /** Event-log rows per action id of {@code playerId} whose id starts with {@code prefix}. */
    Map<String, Integer> rowsPerAction(String playerId, String prefix) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection db = pg.connect(database);
             PreparedStatement q = db.prepareStatement("select action_id, count(*) from events"
                     + " where player_id = ?::uuid and action_id like ? group by action_id")) {
            q.setString(1, playerId);
            q.setString(2, prefix.replace("_", "\\_").replace("%", "\\%") + "%");
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return rows;
    }

    int rows(String playerId, String actionId) throws SQLException {
        try (Connection db = pg.connect(database);
             PreparedStatement q = db.prepareStatement(
                "select count(*) from events where player_id = ?::uuid and action_id = ?")) {
            q.setString(1, playerId);
            q.setString(2, actionId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** The players row. */
    State stored(String playerId) throws SQLException {
        try (Connection db = pg.connect(database);
             PreparedStatement q = db.prepareStatement(
                "select location_id, inventory::text from players where id = ?::uuid")) {
            q.setString(1, playerId);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    throw new AssertionError("no player " + playerId);
                }
                List<String> items = new ArrayList<>();
                json(r.getString(2)).forEach(i -> items.add(i.asText()));
                return new State(r.getString(1), sorted(items));
            }
        }
    }

    /**
     * The state the player's applied events lead to from {@code initial}: each successful move puts them where
     * it went, each successful take or drop adds or removes its item. Other verbs the crowd uses change neither.
     */
    State replayed(String playerId, State initial) throws SQLException {
        String location = initial.locationId();
        List<String> inventory = new ArrayList<>(initial.inventory());
        try (Connection db = pg.connect(database);
             PreparedStatement q = db.prepareStatement(
                "select verb, facts::text from events where player_id = ?::uuid and success order by id")) {
            q.setString(1, playerId);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    JsonNode facts = json(r.getString(2));
                    switch (r.getString(1)) {
                        case "go" -> location = facts.path("to").asText();
                        case "take" -> inventory.add(facts.path("item").asText());
                        case "drop" -> inventory.remove(facts.path("item").asText());
                        default -> { }
                    }
                }
            }
        }
        return new State(location, sorted(inventory));
    }

    private static List<String> sorted(List<String> items) {
        List<String> copy = new ArrayList<>(items);
        copy.sort(null);
        return List.copyOf(copy);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
