package com.langomni.words;

import com.langomni.api.outcome.Way;

/** How a way reads: "north" or "through the gate", and how onlookers see someone leave or arrive along it. */
public final class Ways {

    private Ways() {
    }

    /** "north", "up", "through the gate". */
    public static String name(Way way) {
        return way.passage() ? "through the " + way.direction() : way.direction();
    }

    /** "leaves north", "climbs up", "leaves through the gate": a departure along {@code direction}. */
    public static String leaving(String direction) {
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
     * An arrival, given the direction of the way back in the new place ("from the south", "from above", "through the
     * gate"); plain "arrives" when no way leads back (null).
     */
    public static String arriving(String backDirection) {
        if (backDirection == null) {
            return "arrives";
        }
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

    private static boolean isCompass(String direction) {
        return switch (direction) {
            case "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest" -> true;
            default -> false;
        };
    }
}
