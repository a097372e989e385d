package com.langomni.orchestrator.game.rules;

import java.util.Map;
import java.util.Optional;

/** The canonical directions, their abbreviations, and how movement along them reads to onlookers. */
final class Directions {

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("n", "north"), Map.entry("north", "north"),
            Map.entry("s", "south"), Map.entry("south", "south"),
            Map.entry("e", "east"), Map.entry("east", "east"),
            Map.entry("w", "west"), Map.entry("west", "west"),
            Map.entry("ne", "northeast"), Map.entry("northeast", "northeast"), Map.entry("north east", "northeast"),
            Map.entry("nw", "northwest"), Map.entry("northwest", "northwest"), Map.entry("north west", "northwest"),
            Map.entry("se", "southeast"), Map.entry("southeast", "southeast"), Map.entry("south east", "southeast"),
            Map.entry("sw", "southwest"), Map.entry("southwest", "southwest"), Map.entry("south west", "southwest"),
            Map.entry("u", "up"), Map.entry("up", "up"), Map.entry("upstairs", "up"), Map.entry("ascend", "up"),
            Map.entry("d", "down"), Map.entry("down", "down"), Map.entry("downstairs", "down"),
            Map.entry("descend", "down"),
            Map.entry("in", "in"), Map.entry("inside", "in"),
            Map.entry("out", "out"), Map.entry("outside", "out"));

    private Directions() {
    }

    /** The canonical direction for a word or abbreviation ("ne", "north-east", "upstairs"). */
    static Optional<String> canonical(String word) {
        return Optional.ofNullable(CANONICAL.get(Names.normalize(word)));
    }

    static boolean isCompass(String direction) {
        return switch (direction) {
            case "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest" -> true;
            default -> false;
        };
    }

    /** "leaves north", "climbs up", "leaves through the gate": how a departure along {@code exit} reads. */
    static String leaving(String direction) {
        if (isCompass(direction)) {
            return "leaves " + direction;
        }
        return switch (direction) {
            case "up" -> "climbs up";
            case "down" -> "goes down";
            case "in" -> "goes inside";
            case "out" -> "goes outside";
            default -> "leaves through the " + direction;
        };
    }

    /**
     * How an arrival reads, given the exit in the new room that leads back ("from the south", "from above",
     * "through the gate").
     */
    static String arriving(String backDirection) {
        if (isCompass(backDirection)) {
            return "arrives from the " + backDirection;
        }
        return switch (backDirection) {
            case "up" -> "arrives from above";
            case "down" -> "arrives from below";
            case "in" -> "arrives from inside";
            case "out" -> "arrives from outside";
            default -> "arrives through the " + backDirection;
        };
    }
}
