package com.langomni.orchestrator.game.rules;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Facts.Refused;
import com.langomni.api.outcome.Refusal;
import com.langomni.api.protocol.EventKinds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            Optional<ItemDef> named = turn.place.item(turn.intent.topic(), turn.player.inventory());
            if (named.isEmpty()) {
                return turn.refuse(Refused.because(Refusal.NOT_CARRIED));
            }
            if (named.get().kind() != ItemKind.WEAPON) {
                return turn.refuse(Refused.because(Refusal.NOT_A_WEAPON).item(named.get().name()));
            }
            weapon = named;
        } else {
            weapon = turn.place.defs(turn.player.inventory()).stream()
                    .filter(i -> i.kind() == ItemKind.WEAPON)
                    .max(Comparator.comparingInt(ItemDef::damage));
        }
        return exchange(turn, creature, weapon);
    }

    private static Outcome exchange(Turn turn, CreatureDef creature, Optional<ItemDef> weapon) {
        int creatureHp = turn.place.hpOf(creature);
        boolean hit = turn.dice.roll(1, 20) >= PLAYER_HITS_ON;
        int damage = hit ? turn.dice.roll(FIST_MIN, FIST_MAX) + weapon.map(ItemDef::damage).orElse(0) : 0;
        creatureHp = Math.max(0, creatureHp - damage);
        boolean killed = creatureHp == 0;
        Long respawnAt = setCreature(turn, creature, creatureHp);
        List<String> loot = null;
        Boolean struck = null;
        Integer struckFor = null;
        if (killed) {
            loot = dropLoot(turn, creature);
        } else if (creature.hostile()) {
            // the creature answers: its to-hit roll, then its damage on a hit
            struck = turn.dice.roll(1, 20) >= CREATURE_HITS_ON;
            struckFor = struck ? turn.dice.roll(creature.damageMin(), creature.damageMax()) : 0;
            turn.player = turn.player.withHp(turn.player.hp() - struckFor);
        }
        turn.eventHere(EventKinds.COMBAT);
        boolean died = turn.player.hp() == 0;
        Location start = null;
        if (died) {
            start = die(turn);
        }
        return turn.done(new Facts.Fought(creature.id(), creature.name(), weapon.map(ItemDef::id).orElse(null),
                weapon.map(ItemDef::name).orElse(null), hit, damage, creatureHp, creature.maxHp(), killed, respawnAt,
                loot, struck, struckFor, turn.player.hp(), turn.player.maxHp(), died,
                start == null ? null : start.id(), start == null ? null : start.name()));
    }

    /** The creature's new HP; when it dies, the time it comes back (else null). */
    private static Long setCreature(Turn turn, CreatureDef creature, int hp) {
        long respawnAt = hp > 0 ? 0 : turn.place.now() + Math.max(1, creature.respawnSeconds()) * 1000L;
        Map<String, CreatureState> creatures = new HashMap<>(turn.here.creatures());
        creatures.put(creature.id(), new CreatureState(creature.id(), hp, respawnAt));
        turn.here = new LocationState(turn.here.locationId(), turn.here.items(), creatures, turn.here.unlockedExits());
        return hp == 0 ? respawnAt : null;
    }

    /** What a killed creature leaves on the ground (as much as the ground holds); null when nothing. */
    private static List<String> dropLoot(Turn turn, CreatureDef creature) {
        List<String> ground = new ArrayList<>(turn.here.items());
        List<String> dropped = new ArrayList<>();
        for (ItemDef item : turn.place.defs(creature.loot())) {
            if (ground.size() < ItemRules.MAX_GROUND_ITEMS) {
                ground.add(item.id());
                dropped.add(item.name());
            }
        }
        if (dropped.isEmpty()) {
            return null;
        }
        turn.groundItems(ground);
        return List.copyOf(dropped);
    }

    /** The player falls where they fought and wakes at the start location with full HP, keeping their pack. */
    private static Location die(Turn turn) {
        Location start = turn.world.location(turn.world.startLocationId()).orElseThrow();
        turn.player = turn.player.withLocation(start.id()).withHp(turn.player.maxHp());
        turn.eventHere(EventKinds.DEATH);
        turn.event(start.id(), EventKinds.ARRIVED);
        return start;
    }

    /** The named creature, or the only one here when none is named. */
    private static Optional<CreatureDef> foe(Turn turn) {
        String target = turn.intent.target();
        if (target == null) {
            List<CreatureDef> alive = turn.place.aliveCreatures();
            return alive.size() == 1 ? Optional.of(alive.get(0)) : Optional.empty();
        }
        return turn.place.creature(target);
    }

    private static Outcome refusal(Turn turn) {
        String target = turn.intent.target();
        if (target == null) {
            return turn.refuse(Refused.because(turn.place.aliveCreatures().isEmpty()
                    ? Refusal.NOTHING_TO_FIGHT : Refusal.ATTACK_WHAT));
        }
        Optional<Npc> npc = turn.place.npc(target);
        if (npc.isPresent()) {
            return turn.refuse(Refused.because(Refusal.NOT_AN_ENEMY).npc(npc.get().id(), npc.get().name()));
        }
        return turn.refuse(Refused.because(Refusal.NO_SUCH_FOE).what(target));
    }
}
