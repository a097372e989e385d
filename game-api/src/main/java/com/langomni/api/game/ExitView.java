package com.langomni.api.game;

/**
 * A way out of a location.
 *
 * @param direction canonical direction or exit name ("north", "up", "gate")
 * @param to        target location id
 * @param name      target location name
 * @param locked    true while the exit needs a key
 */
public record ExitView(String direction, String to, String name, boolean locked) {
}
