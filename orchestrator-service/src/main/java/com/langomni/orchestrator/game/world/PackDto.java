package com.langomni.orchestrator.game.world;

import java.util.List;

/**
 * The world pack as written in YAML. Kept apart from the domain records so the domain carries no Jackson;
 * unknown keys are rejected, so a typo in the pack fails loudly instead of silently losing data.
 */
record PackDto(Integer version, String name, String start, List<LocationDto> locations, List<ItemDto> items,
               List<NpcDto> npcs, List<CreatureDto> creatures, List<EventDto> events, List<QuestDto> quests) {

    /** {@code night}: the description at night, optional. */
    record LocationDto(String id, String name, String description, List<ExitDto> exits, List<String> items,
                       List<String> creatures, String night) {
    }

    /** {@code dir} is a canonical direction or an exit name; {@code key} makes it locked. */
    record ExitDto(String dir, String to, List<String> aliases, String key) {
    }

    /** {@code kind}: weapon, consumable, key, treasure or misc; {@code takeable} defaults to true. */
    record ItemDto(String id, String name, List<String> aliases, String description, String kind, Integer damage,
                   Integer heal, Boolean takeable) {
    }

    /** {@code schedule}: where they are at which game hours; {@code location} when no slot covers the hour. */
    record NpcDto(String id, String name, String title, String location, List<String> aliases, String persona,
                  String greeting, List<String> knowledge, List<ScheduleDto> schedule) {
    }

    /** From game hour {@code from} (inclusive) to {@code to} (exclusive, wrapping past midnight), at {@code at}. */
    record ScheduleDto(Integer from, Integer to, String at) {
    }

    /**
     * A kind of world event an admin can start: {@code duration} in seconds; {@code blocks} exits it closes, as
     * {@code location/direction}; {@code ending} optional.
     */
    record EventDto(String id, String name, String announcement, String ambience, String ending, Integer duration,
                    List<String> blocks) {
    }

    /** {@code damage} is {@code [min, max]}; {@code respawn} in seconds; {@code hostile} defaults to true. */
    record CreatureDto(String id, String name, List<String> aliases, String description, Integer hp,
                       List<Integer> damage, Boolean hostile, List<String> loot, Integer respawn) {
    }

    /**
     * {@code giver}: an NPC id; {@code requires}: quest ids completed first; {@code steps}: at least one, in order.
     */
    record QuestDto(String id, String name, String giver, String summary, List<String> requires,
                    List<StepDto> steps, RewardDto reward) {
    }

    /**
     * {@code text}: what the step asks; exactly one trigger: {@code reach} (location), {@code take} (item),
     * {@code give} (item, with {@code to}: an NPC), {@code kill} (creature) or {@code talk} (NPC); {@code together}:
     * players on the quest who must stand there together (default 1).
     */
    record StepDto(String text, String reach, String take, String give, String to, String kill, String talk,
                   Integer together) {
    }

    /** {@code items}: item ids into the pack; {@code hp}: HP restored; {@code xp}, {@code reputation}: earned. */
    record RewardDto(List<String> items, Integer hp, Integer xp, Integer reputation) {
    }
}
