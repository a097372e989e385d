package com.langomni.orchestrator.game.rules;

import com.langomni.api.outcome.Verb;
import com.langomni.orchestrator.game.rules.world.GameClock;
import com.langomni.orchestrator.game.rules.world.WorldStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.ItemKind;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;

/**
 * The actions legal for a player here and now, computed from the world, the player and their location alone (no
 * I/O): each exit they can pass, each item they can take, carry, use or give, each NPC they can talk to, each
 * creature they can fight. An LLM may only pick one of these; the rules then apply it as if typed.
 */
public final class LegalActions {

    private LegalActions() {
    }

    /**
     * One thing a player could do here and now, as the command that does it ({@code "take rusty dagger"}): what an
     * LLM may propose for words the parser did not understand, and what the player is offered as suggestions.
     *
     * @param targetId what the action is about: an exit's direction, an item, NPC or creature id; null for none
     * @param command  the command as typed; the {@link Parser} maps it back to this action
     */
    public record LegalAction(Verb verb, String targetId, String command) {
    }

    /** In a stable order: look and inventory, the ways out, then what is here, then what is carried. */
    public static List<LegalAction> of(World world, PlayerState player, LocationState here, long now) {
        return of(world, GameClock.DEFAULT, player, here, now);
    }

    /** As {@link #of(World, PlayerState, LocationState, long)}, with NPCs where {@code clock} puts them now. */
    public static List<LegalAction> of(World world, GameClock clock, PlayerState player, LocationState here,
                                       long now) {
        Place place = new Place(world, here, now, clock.at(now), WorldStatus.RUNNING);
        List<LegalAction> actions = new ArrayList<>();
        actions.add(new LegalAction(Verb.LOOK, null, "look"));
        actions.add(new LegalAction(Verb.INVENTORY, null, "inventory"));
        for (Exit exit : place.location().exits()) {
            if (!place.isLocked(exit) || player.inventory().contains(exit.keyItemId())) {
                actions.add(new LegalAction(Verb.GO, exit.direction(), "go " + Names.normalize(exit.direction())));
            }
        }
        for (Npc npc : place.npcs()) {
            actions.add(new LegalAction(Verb.TALK, npc.id(), "talk to " + name(npc.name())));
        }
        for (CreatureDef creature : place.aliveCreatures()) {
            actions.add(new LegalAction(Verb.ATTACK, creature.id(), "attack " + name(creature.name())));
        }
        for (ItemDef item : place.groundItems()) {
            if (item.takeable()) {
                actions.add(new LegalAction(Verb.TAKE, item.id(), "take " + name(item.name())));
            }
            actions.add(new LegalAction(Verb.EXAMINE, item.id(), "examine " + name(item.name())));
        }
        for (CreatureDef creature : place.aliveCreatures()) {
            actions.add(new LegalAction(Verb.EXAMINE, creature.id(), "examine " + name(creature.name())));
        }
        for (ItemDef item : place.defs(distinct(player.inventory()))) {
            boolean fitsHere = place.location().exits().stream().anyMatch(e -> item.id().equals(e.keyItemId()));
            if (item.kind() == ItemKind.CONSUMABLE || (item.kind() == ItemKind.KEY && fitsHere)) {
                actions.add(new LegalAction(Verb.USE, item.id(), "use " + name(item.name())));
            }
            actions.add(new LegalAction(Verb.DROP, item.id(), "drop " + name(item.name())));
            for (Npc npc : item.kind() == ItemKind.KEY ? List.<Npc>of() : place.npcs()) { // keys are kept
                actions.add(new LegalAction(Verb.GIVE, item.id(),
                        "give " + name(item.name()) + " to " + name(npc.name())));
            }
        }
        return List.copyOf(actions);
    }

    /**
     * The legal action an intent names, resolved as the rules resolve its target ("get the bread" is
     * {@code take bread-loaf}); empty when it names none (an unknown verb, a thing not here, a way not open).
     * SAY and HELP are always legal and have no target.
     */
    public static Optional<LegalAction> identify(World world, PlayerState player, LocationState here, Intent intent,
                                                 long now) {
        return identify(world, GameClock.DEFAULT, player, here, intent, now);
    }

    /** As {@link #identify(World, PlayerState, LocationState, Intent, long)}, on {@code clock}. */
    public static Optional<LegalAction> identify(World world, GameClock clock, PlayerState player,
                                                 LocationState here, Intent intent, long now) {
        Place place = new Place(world, here, now, clock.at(now), WorldStatus.RUNNING);
        String target = intent.target();
        return switch (intent.verb()) {
            case LOOK, INVENTORY, HELP -> Optional.of(new LegalAction(intent.verb(), null, intent.verb().wire()));
            case SAY -> intent.topic() == null ? Optional.empty()
                    : Optional.of(new LegalAction(Verb.SAY, null, "say " + intent.topic()));
            case GO -> target == null ? Optional.empty() : place.exit(target)
                    .filter(exit -> !place.isLocked(exit) || player.inventory().contains(exit.keyItemId()))
                    .map(exit -> new LegalAction(Verb.GO, exit.direction(), "go " + exit.direction()));
            case TAKE -> target == null ? Optional.empty() : place.groundItem(target).filter(ItemDef::takeable)
                    .map(item -> new LegalAction(Verb.TAKE, item.id(), "take " + name(item.name())));
            case DROP, USE, GIVE -> target == null ? Optional.empty()
                    : place.item(target, player.inventory()).map(item -> new LegalAction(intent.verb(), item.id(),
                            intent.verb().wire() + " " + name(item.name())));
            case TALK, TELL -> talkedTo(place, target)
                    .map(npc -> new LegalAction(Verb.TALK, npc.id(), "talk to " + name(npc.name())));
            case ATTACK -> target == null ? Optional.empty() : place.creature(target)
                    .map(c -> new LegalAction(Verb.ATTACK, c.id(), "attack " + name(c.name())));
            case EXAMINE -> examined(place, player, target);
            case QUESTS -> Optional.of(new LegalAction(Verb.QUESTS, null, Verb.QUESTS.wire()));
            // a quest by name, trades and parties name players or quests, not things here: never proposed
            case QUEST, OFFER, ACCEPT, DECLINE, CANCEL, INVITE, JOIN, LEAVE, PARTY, PSAY -> Optional.empty();
            case UNKNOWN -> {
                String phrase = Names.normalize(intent.raw());
                yield phrase.isEmpty() ? Optional.empty() : place.exactExit(phrase)
                        .map(exit -> new LegalAction(Verb.GO, exit.direction(), "go " + exit.direction()));
            }
        };
    }

    private static Optional<Npc> talkedTo(Place place, String target) {
        if (target == null) {
            List<Npc> npcs = place.npcs();
            return npcs.size() == 1 ? Optional.of(npcs.get(0)) : Optional.empty();
        }
        return place.npc(target);
    }

    private static Optional<LegalAction> examined(Place place, PlayerState player, String target) {
        if (target == null) {
            return Optional.empty();
        }
        Optional<String> id = place.item(target, player.inventory()).map(ItemDef::id)
                .or(() -> place.groundItem(target).map(ItemDef::id))
                .or(() -> place.npc(target).map(Npc::id))
                .or(() -> place.creature(target).map(CreatureDef::id))
                .or(() -> Directions.canonical(target).flatMap(d -> place.exit(d)).map(Exit::direction));
        return id.map(found -> new LegalAction(Verb.EXAMINE, found, "examine " + target));
    }

    private static String name(String name) {
        return Names.normalize(name);
    }

    private static List<String> distinct(List<String> ids) {
        return ids.stream().distinct().toList();
    }
}
