package com.langomni.orchestrator.game.rules;

import com.langomni.api.protocol.EventKinds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.CreatureState;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.ItemKind;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.Npc;

/**
 * ATTACK: one exchange of blows. The dice are rolled in a fixed order so tests can script a fight:
 * <ol>
 *   <li>the player's to-hit roll, {@code roll(1, 20)}: a hit on {@value #PLAYER_HITS_ON} or more;</li>
 *   <li>on a hit, damage {@code roll(1, 4)} plus the weapon's damage;</li>
 *   <li>if the creature survives and is hostile, its to-hit roll {@code roll(1, 20)}: a hit on
 *       {@value #CREATURE_HITS_ON} or more;</li>
 *   <li>on a hit, damage {@code roll(damageMin, damageMax)}.</li>
 * </ol>
 */
final class Combat {

    static final int PLAYER_HITS_ON = 6;
    static final int CREATURE_HITS_ON = 10;
    static final int FIST_MIN = 1;
    static final int FIST_MAX = 4;

    private Combat() {
    }

    static Outcome attack(Turn turn) {
        Optional<CreatureDef> foe = foe(turn);
        if (foe.isEmpty()) {
            return refusal(turn);
        }
        CreatureDef creature = foe.get();
        Optional<ItemDef> weapon;
        if (turn.intent.topic() != null) {
            Optional<ItemDef> named = turn.scene.item(turn.intent.topic(), turn.player.inventory());
            if (named.isEmpty()) {
                return turn.refuse("You don't have that.");
            }
            if (named.get().kind() != ItemKind.WEAPON) {
                return turn.refuse("The " + named.get().name() + " is no weapon.");
            }
            weapon = named;
        } else {
            weapon = turn.scene.defs(turn.player.inventory()).stream()
                    .filter(i -> i.kind() == ItemKind.WEAPON)
                    .max(Comparator.comparingInt(ItemDef::damage));
        }
        return exchange(turn, creature, weapon);
    }

    private static Outcome exchange(Turn turn, CreatureDef creature, Optional<ItemDef> weapon) {
        String who = turn.actor();
        int creatureHp = turn.scene.hpOf(creature);
        turn.fact("creature", creature.id()).fact("creatureName", creature.name());
        weapon.ifPresent(w -> turn.fact("weapon", w.id()).fact("weaponName", w.name()));
        StringBuilder told = new StringBuilder();
        StringBuilder seen = new StringBuilder();

        boolean hit = turn.dice.roll(1, 20) >= PLAYER_HITS_ON;
        int damage = hit ? turn.dice.roll(FIST_MIN, FIST_MAX) + weapon.map(ItemDef::damage).orElse(0) : 0;
        creatureHp = Math.max(0, creatureHp - damage);
        boolean killed = creatureHp == 0;
        turn.fact("hit", hit).fact("damage", damage).fact("creatureHp", creatureHp)
                .fact("creatureMaxHp", creature.maxHp()).fact("killed", killed);
        String with = weapon.map(w -> " with the " + w.name()).orElse(" with your bare hands");
        if (!hit) {
            told.append("You swing at the ").append(creature.name()).append(with).append(" and miss.");
            seen.append(who).append(" misses the ").append(creature.name()).append('.');
        } else if (killed) {
            told.append("You strike the ").append(creature.name()).append(with).append(" for ").append(damage)
                    .append(" damage. The ").append(creature.name()).append(" falls dead.");
            seen.append(who).append(" slays the ").append(creature.name()).append('.');
        } else {
            told.append("You hit the ").append(creature.name()).append(with).append(" for ").append(damage)
                    .append(" damage (").append(creatureHp).append(" of ").append(creature.maxHp())
                    .append(" HP left).");
            seen.append(who).append(" hits the ").append(creature.name()).append('.');
        }
        setCreature(turn, creature, creatureHp);
        if (killed) {
            dropLoot(turn, creature, told);
        } else if (creature.hostile()) {
            strikeBack(turn, creature, told, seen);
        }
        turn.eventHere(EventKinds.COMBAT, seen.toString());
        if (turn.player.hp() == 0) {
            return die(turn, creature, told);
        }
        turn.fact("playerHp", turn.player.hp()).fact("died", false);
        return turn.done(told.toString());
    }

    private static void strikeBack(Turn turn, CreatureDef creature, StringBuilder told, StringBuilder seen) {
        boolean hits = turn.dice.roll(1, 20) >= CREATURE_HITS_ON;
        int damage = hits ? turn.dice.roll(creature.damageMin(), creature.damageMax()) : 0;
        turn.player = turn.player.withHp(turn.player.hp() - damage);
        turn.fact("creatureHit", hits).fact("creatureDamage", damage);
        String the = Names.capitalize("the " + creature.name());
        if (hits) {
            told.append(' ').append(the).append(" strikes you for ").append(damage).append(" damage (")
                    .append(turn.player.hp()).append(" of ").append(turn.player.maxHp()).append(" HP left).");
            seen.append(' ').append(the).append(" strikes ").append(turn.actor()).append('.');
        } else {
            told.append(' ').append(the).append(" lunges at you and misses.");
            seen.append(' ').append(the).append(" misses ").append(turn.actor()).append('.');
        }
    }

    private static void setCreature(Turn turn, CreatureDef creature, int hp) {
        long respawnAt = hp > 0 ? 0 : turn.scene.now() + Math.max(1, creature.respawnSeconds()) * 1000L;
        Map<String, CreatureState> creatures = new HashMap<>(turn.here.creatures());
        creatures.put(creature.id(), new CreatureState(creature.id(), hp, respawnAt));
        turn.here = new LocationState(turn.here.locationId(), turn.here.items(), creatures, turn.here.unlockedExits());
        if (hp == 0) {
            turn.fact("respawnAt", respawnAt);
        }
    }

    private static void dropLoot(Turn turn, CreatureDef creature, StringBuilder told) {
        List<String> ground = new ArrayList<>(turn.here.items());
        List<ItemDef> dropped = new ArrayList<>();
        for (ItemDef item : turn.scene.defs(creature.loot())) {
            if (ground.size() < ItemRules.MAX_GROUND_ITEMS) {
                ground.add(item.id());
                dropped.add(item);
            }
        }
        if (!dropped.isEmpty()) {
            turn.groundItems(ground);
            String names = dropped.stream().map(ItemDef::name).collect(Collectors.joining(", "));
            turn.fact("loot", names);
            told.append(" It leaves behind: ").append(names).append('.');
        }
    }

    /** The player falls where they fought and wakes at the start location with full HP, keeping their pack. */
    private static Outcome die(Turn turn, CreatureDef creature, StringBuilder told) {
        Location start = turn.world.location(turn.world.startLocationId()).orElseThrow();
        turn.player = turn.player.withLocation(start.id()).withHp(turn.player.maxHp());
        turn.fact("died", true).fact("playerHp", turn.player.hp()).fact("respawnLocation", start.id())
                .fact("respawnLocationName", start.name());
        turn.eventHere(EventKinds.DEATH, turn.actor() + " falls to the " + creature.name() + ".");
        turn.event(start.id(), EventKinds.ARRIVED, turn.actor() + " staggers in, pale and shaken, but alive.");
        told.append(" Darkness takes you... You wake at ").append(start.name()).append(", whole again.");
        return turn.done(told.toString());
    }

    /** The named creature, or the only one here when none is named. */
    private static Optional<CreatureDef> foe(Turn turn) {
        String target = turn.intent.target();
        if (target == null) {
            List<CreatureDef> alive = turn.scene.aliveCreatures();
            return alive.size() == 1 ? Optional.of(alive.get(0)) : Optional.empty();
        }
        return turn.scene.creature(target);
    }

    private static Outcome refusal(Turn turn) {
        String target = turn.intent.target();
        if (target == null) {
            return turn.refuse(turn.scene.aliveCreatures().isEmpty()
                    ? "There is nothing here to fight."
                    : "Attack what? Name the creature you want to fight.");
        }
        Optional<Npc> npc = turn.scene.npc(target);
        if (npc.isPresent()) {
            turn.fact("npc", npc.get().id());
            return turn.refuse(npc.get().name() + " is no enemy of yours, and you will not raise a hand against them.");
        }
        return turn.refuse("You see no " + target + " to fight here.");
    }
}
