package com.langomni.api.game;

/**
 * The world around a location at a moment: the game clock, day or night, and the world event under way.
 *
 * @param day       the game day, 1 for the first
 * @param time      the game time of day, "21:05"
 * @param night     whether it is night
 * @param event     the id of the world event under way (a storm, ...); null when none
 * @param eventName its name; null when none
 * @param eventText how the world looks while it lasts; null when none
 * @param paused    whether an admin has paused the world (actions that change it are refused)
 */
public record WorldNow(long day, String time, boolean night, String event, String eventName, String eventText,
                       boolean paused) {
}
