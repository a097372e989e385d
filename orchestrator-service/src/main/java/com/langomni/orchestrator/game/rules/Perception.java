package com.langomni.orchestrator.game.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.ItemKind;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.PlayerState;

/** LOOK, EXAMINE and HELP: reading the world, never changing it. */
final class Perception {

    static final String HELP_TEXT = String.join("\n",
            "Things you can do:",
            "  look (l)                        look around",
            "  go <direction or exit> (n, s, e, w, ne, nw, se, sw, u, d)",
            "                                  move: \"go north\", \"n\", \"go through the gate\"",
            "  take <item>, drop <item>        pick things up, put them down",
            "  inventory (i)                   what you carry and how you fare",
            "  examine <thing> (x)             a closer look at an item, person, creature or exit",
            "  say <words> ('words)            speak to everyone here",
            "  talk to <someone>, ask <someone> about <topic>, greet <someone>",
            "  tell <someone> <words>          tell an NPC something; they remember it",
            "  attack <creature> [with <weapon>]",
            "  use <item> [on <exit>]          drink a potion, eat herbs, unlock a door",
            "  give <item> to <someone>        hand something over for good",
            "  help (?)                        this list");

    private static final Set<String> SELF = Set.of("me", "self", "myself", "yourself");
    private static final Set<String> ROOM = Set.of("here", "room", "around", "surroundings", "place", "area");

    private Perception() {
    }

    static Outcome look(Turn turn) {
        Scene scene = turn.scene;
        turn.fact("locationName", scene.location().name());
        List<String> lines = new ArrayList<>();
        lines.add(scene.location().name());
        lines.add(scene.location().description());
        lines.add("Exits: " + scene.location().exits().stream()
                .map(e -> e.direction() + " (" + scene.targetName(e) + (scene.isLocked(e) ? ", locked" : "") + ")")
                .collect(Collectors.joining(", ")) + ".");
        List<ItemDef> items = scene.groundItems();
        if (!items.isEmpty()) {
            lines.add("You see: " + items.stream().map(ItemDef::name).collect(Collectors.joining(", ")) + ".");
        }
        List<Npc> npcs = scene.npcs();
        if (!npcs.isEmpty()) {
            lines.add("Here: " + npcs.stream().map(Perception::npcLabel).collect(Collectors.joining(", ")) + ".");
        }
        List<CreatureDef> creatures = scene.aliveCreatures();
        if (!creatures.isEmpty()) {
            lines.add("Beware: " + creatures.stream()
                    .map(c -> c.name() + " (" + scene.hpOf(c) + "/" + c.maxHp() + " HP)")
                    .collect(Collectors.joining(", ")) + ".");
        }
        return turn.done(String.join("\n", lines));
    }

    static Outcome examine(Turn turn) {
        String what = turn.intent.target();
        if (what == null) {
            return turn.refuse("Examine what?");
        }
        Scene scene = turn.scene;
        if (SELF.contains(what)) {
            return self(turn);
        }
        if (ROOM.contains(what)) {
            return look(turn);
        }
        Optional<ItemDef> item = scene.item(what, turn.player.inventory()).or(() -> scene.groundItem(what));
        if (item.isPresent()) {
            return item(turn, item.get());
        }
        Optional<Npc> npc = scene.npc(what);
        if (npc.isPresent()) {
            turn.fact("npc", npc.get().id()).fact("npcName", npc.get().name());
            return turn.done(npcLabel(npc.get()) + ". " + firstSentence(npc.get().persona()));
        }
        Optional<CreatureDef> creature = scene.creature(what);
        if (creature.isPresent()) {
            CreatureDef c = creature.get();
            int hp = scene.hpOf(c);
            turn.fact("creature", c.id()).fact("creatureName", c.name()).fact("creatureHp", hp)
                    .fact("creatureMaxHp", c.maxHp());
            return turn.done(c.description() + " It has " + hp + " of " + c.maxHp() + " HP"
                    + (c.hostile() ? " and looks ready to fight." : "."));
        }
        Optional<Exit> exit = scene.exit(what);
        if (exit.isPresent()) {
            Exit e = exit.get();
            turn.fact("direction", e.direction()).fact("to", e.to()).fact("toName", scene.targetName(e));
            return turn.done("The way " + Movement.wayName(e) + " leads to " + scene.targetName(e) + "."
                    + (scene.isLocked(e) ? " It is locked." : ""));
        }
        return turn.refuse("You see no " + what + " here.");
    }

    static Outcome help(Turn turn) {
        return turn.done(HELP_TEXT);
    }

    private static Outcome item(Turn turn, ItemDef item) {
        turn.fact("item", item.id()).fact("itemName", item.name()).fact("kind", item.kind().name().toLowerCase(Locale.ROOT));
        StringBuilder text = new StringBuilder(item.description());
        if (item.kind() == ItemKind.WEAPON) {
            text.append(" (weapon, +").append(item.damage()).append(" damage)");
            turn.fact("itemDamage", item.damage());
        } else if (item.kind() == ItemKind.CONSUMABLE) {
            text.append(" (restores ").append(item.heal()).append(" HP when used)");
            turn.fact("itemHeal", item.heal());
        }
        return turn.done(text.toString());
    }

    private static Outcome self(Turn turn) {
        PlayerState p = turn.player;
        String carried = turn.scene.defs(p.inventory()).stream().map(ItemDef::name).collect(Collectors.joining(", "));
        turn.fact("playerHp", p.hp()).fact("playerMaxHp", p.maxHp()).fact("items", carried);
        return turn.done("You are " + p.name() + ", with " + p.hp() + " of " + p.maxHp() + " HP. "
                + (carried.isEmpty() ? "You carry nothing." : "You carry: " + carried + "."));
    }

    static String npcLabel(Npc npc) {
        return npc.title() == null || npc.title().isBlank() ? npc.name() : npc.name() + ", " + npc.title();
    }

    private static String firstSentence(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int end = trimmed.indexOf(". ");
        return end < 0 ? trimmed : trimmed.substring(0, end + 1);
    }
}
