package com.langomni.api.outcome;

/**
 * An exit as the facts of an outcome name it.
 *
 * @param direction the exit's direction as authored ("north", "up", "gate")
 * @param passage   true when the direction is the name of a passage (a gate, a door) rather than a direction, so
 *                  one goes "through the gate" but "north"
 */
public record Way(String direction, boolean passage) {
}
