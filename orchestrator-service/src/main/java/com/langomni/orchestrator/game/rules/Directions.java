package com.langomni.orchestrator.game.rules;

import com.langomni.api.outcome.Way;
import java.util.Map;
import java.util.Optional;

/** The canonical directions and their abbreviations, as players type them and packs author them. */
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
            Map.entry("out", "out"), Map.entry("outside", "out"),
            Map.entry("northward", "north"), Map.entry("northwards", "north"),
            Map.entry("southward", "south"), Map.entry("southwards", "south"),
            Map.entry("eastward", "east"), Map.entry("eastwards", "east"),
            Map.entry("westward", "west"), Map.entry("westwards", "west"),
            Map.entry("upward", "up"), Map.entry("upwards", "up"),
            Map.entry("downward", "down"), Map.entry("downwards", "down"));

    private Directions() {
    }

    /** The canonical direction for a word or abbreviation ("ne", "north-east", "upstairs"). */
    static Optional<String> canonical(String word) {
        return Optional.ofNullable(CANONICAL.get(Names.normalize(word)));
    }

    /** An exit's way as facts name it: a direction goes bare ("north"), anything else is a passage ("the gate"). */
    static Way way(String direction) {
        return new Way(direction, canonical(direction).isEmpty());
    }
}
