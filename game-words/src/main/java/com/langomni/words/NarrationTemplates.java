package com.langomni.words;

import static com.langomni.words.Situation.*;

import com.langomni.api.outcome.Verb;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The template narrator's table: for each situation, the sentence slots in reading order. Placeholders are
 * {@link Scene} keys; numbers and names only ever come from the rules' facts and the state views, and the
 * outcome sentence ({@link OutcomeText}) is the fallback wherever the facts are too thin to say more.
 */
public final class NarrationTemplates {

    /** What a place looks like; shared by arriving and looking so both describe the same world. */
    private static final List<Slot> SURROUNDINGS = List.of(
            Slot.of("{description}"),
            Slot.of("From here you can go {exits}.", "Paths lead {exits}.", "You could head {exits}.",
                    "Ways out: {exits}."),
            Slot.when(s -> s.flag("noExits"), "There is no obvious way out.", "You see no way onward."),
            Slot.of("You notice {items} here.", "Within reach: {items}.", "Someone has left {items} here.",
                    "On the ground: {items}."),
            Slot.of("{Npcs} {npcsBe} here.", "You see {npcs} nearby.", "{Npcs} {npcsBe} going about their business."),
            Slot.of("{Creatures} {creaturesBe} here.", "You spot {creatures}.", "Careful: {creatures} nearby."),
            Slot.of("{Players} {playersBe} here too.", "You are not alone: {players} {playersBe} here.",
                    "Also here: {players}."));

    private static final Map<Situation, List<Slot>> TABLE = new EnumMap<>(Situation.class);

    static {
        TABLE.put(ARRIVE, with(List.of(
                Slot.when(s -> s.flag("unlocked"), "You unlock the way {direction} first.", "The lock gives way."),
                Slot.of("You head {direction} and arrive at {location}.", "You make your way {direction} to {location}.",
                        "Leaving {from} behind, you come to {location}.", "You walk {direction} into {location}.")
                        .orElse("You arrive at {location}.")), SURROUNDINGS));

        TABLE.put(LOOK, with(List.of(
                Slot.of("You look around {location}.", "You take in {location}.", "You stand in {location}.",
                        "{Location} surrounds you.").orElse("{outcome}")), SURROUNDINGS,
                List.of(Slot.of("Moments ago: {recent}", "", "Lately: {recent}"))));

        TABLE.put(TAKE, List.of(
                Slot.of("You pick up the {item}.", "You take the {item} and stow it away.",
                        "The {item} is yours now.", "You lift the {item} from the ground.").orElse("{outcome}"),
                Slot.of("You now carry {inventory}.", "", "Your pack holds {inventory}.")));

        TABLE.put(DROP, List.of(
                Slot.of("You drop the {item}.", "You set the {item} down.",
                        "You leave the {item} on the ground of {location}.", "You let go of the {item}.")
                        .orElse("{outcome}"),
                Slot.of("You now carry {inventory}.", "", "Your pack holds {inventory}."),
                Slot.when(s -> s.flag("inventoryEmpty"), "Your hands are empty now.", "")));

        TABLE.put(USE, List.of(
                Slot.when(s -> positive(s, "heal"), "You use the {item} and recover {heal} HP.",
                        "The {item} does its work: you regain {heal} HP.",
                        "Warmth spreads through you as the {item} restores {heal} HP.").orElse("{outcome}"),
                Slot.when(s -> positive(s, "heal"), "You are at {hp}/{maxHp} HP.", "Your health: {hp}/{maxHp} HP."),
                Slot.when(s -> !positive(s, "heal"), "{outcome}")));

        TABLE.put(ATTACK, with(strike(), List.of(
                Slot.of("The {creature} has {creatureHp}/{creatureMaxHp} HP left.",
                        "The {creature} is down to {creatureHp} HP.", "The {creature} staggers, {creatureHp} HP left.")),
                counterAttack()));

        TABLE.put(KILL, with(strike(), List.of(
                Slot.of("The {creature} falls and moves no more.", "With that blow the {creature} collapses, dead.",
                        "The {creature} crumples to the ground.").orElse("{outcome}"),
                Slot.of("It leaves behind {loot}.", "Where it fell: {loot}.")),
                counterAttack()));

        TABLE.put(DEATH, List.of(
                Slot.when(s -> positive(s, "damage"), "You hit the {creature} for {damage} damage.",
                        "You land a blow on the {creature}: {damage} damage."),
                Slot.of("The {creature} strikes you for {taken} damage, and it is too much.",
                        "The {creature}'s blow deals {taken} damage and brings you to the ground.",
                        "A last strike from the {creature}, {taken} damage, and your strength gives out.")
                        .orElse("{outcome}"),
                Slot.of("Everything goes dark.", "The world fades to black.", "You fall, and darkness takes you."),
                Slot.of("You wake in {respawn} with {hp}/{maxHp} HP.",
                        "You come to your senses in {respawn}, {hp}/{maxHp} HP.",
                        "Some time later you stir in {respawn}, at {hp}/{maxHp} HP.")));

        TABLE.put(SAY, List.of(
                Slot.of("You say: \"{said}\"", "\"{said}\", you say.", "Your voice carries through {location}: \"{said}\"",
                        "You speak up: \"{said}\""),
                Slot.of("{Players} {playersBe} there to hear it.", "{Players} can hear you.", "")));

        TABLE.put(TALK, List.of(
                Slot.of("You turn to {npc}.", "You approach {npc}.", "You catch {npc}'s eye.",
                        "You step up to {npc}.").orElse("{outcome}")));

        TABLE.put(INVENTORY, List.of(
                Slot.of("You carry {inventory}.", "In your pack: {inventory}.",
                        "You check your belongings: {inventory}.").orElse("{outcome}"),
                Slot.when(s -> s.flag("inventoryEmpty"), "You carry nothing.", "Your pack is empty.",
                        "Your hands are empty."),
                Slot.of("You have {hp}/{maxHp} HP.", "Health: {hp}/{maxHp} HP.", "You are at {hp}/{maxHp} HP.")));

        // the rules' outcome of an examine is the thing's own description
        TABLE.put(EXAMINE, List.of(
                Slot.of("You look closely at {thing}. {outcome}", "You study {thing}. {outcome}",
                        "You examine {thing}. {outcome}").orElse("{outcome}")));

        // the rules' sentence already says nothing happened and points at help
        TABLE.put(UNKNOWN, List.of(Slot.of("{outcome}")));

        TABLE.put(REFUSED, List.of(
                Slot.of("{outcome}"),
                Slot.when(s -> s.intent() == Verb.GO, "You stay in {location}.", "You remain in {location}.", ""),
                Slot.when(s -> s.intent() != Verb.GO, "Nothing changes.", "You think better of it.", "")));
    }

    private NarrationTemplates() {
    }

    /** The slots for a situation, in reading order. */
    public static List<Slot> slots(Situation situation) {
        return TABLE.getOrDefault(situation, TABLE.get(UNKNOWN));
    }

    /** The player's blow: its damage when it hit, a miss when the rules rolled zero. */
    private static List<Slot> strike() {
        return List.of(
                Slot.when(s -> !s.has("damage") || positive(s, "damage"),
                        "You strike the {creature} with your {weapon} for {damage} damage.",
                        "Your {weapon} bites into the {creature}: {damage} damage.",
                        "You hit the {creature} for {damage} damage.",
                        "You land a blow on the {creature}, dealing {damage} damage.").orElse("{outcome}"),
                Slot.when(s -> zero(s, "damage"), "You swing at the {creature} and miss.",
                        "The {creature} dodges your blow.", "Your attack goes wide of the {creature}.")
                        .orElse("{outcome}"));
    }

    /** The creature's answer, when the rules say it struck back. */
    private static List<Slot> counterAttack() {
        return List.of(
                Slot.when(s -> positive(s, "taken"),
                        "The {creature} strikes back for {taken} damage; you have {hp}/{maxHp} HP.",
                        "It hits you back: {taken} damage, leaving you at {hp}/{maxHp} HP.",
                        "The {creature} answers with {taken} damage. You are at {hp}/{maxHp} HP."),
                Slot.when(s -> zero(s, "taken"), "The {creature} strikes back but misses you.",
                        "You dodge the {creature}'s answer."));
    }

    private static boolean zero(Scene s, String key) {
        return s.number(key).isPresent() && s.number(key).getAsInt() == 0;
    }

    private static boolean positive(Scene s, String key) {
        return s.number(key).orElse(0) > 0;
    }

    @SafeVarargs
    private static List<Slot> with(List<Slot>... parts) {
        List<Slot> all = new ArrayList<>();
        for (List<Slot> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }
}
