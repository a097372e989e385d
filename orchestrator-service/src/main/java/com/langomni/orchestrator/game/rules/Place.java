package com.langomni.orchestrator.game.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.CreatureState;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.Whereabouts;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.rules.world.GameClock;
import com.langomni.orchestrator.game.rules.world.GameTime;
import com.langomni.orchestrator.game.rules.world.WorldEventKind;
import com.langomni.orchestrator.game.rules.world.WorldStatus;
import com.langomni.api.game.WorldNow;

/**
 * One location as it stands at a moment: the authored definition joined with its shared state. Resolves the
 * phrases players type ("the sword", "smith", "gate") to the things present.
 */
final class Place {

    private final World world;
    private final Location location;
    private final LocationState state;
    private final long now;
    private final GameTime time;
    private final WorldStatus status;

    Place(World world, LocationState state, long now) {
        this(world, state, now, GameClock.DEFAULT.at(now), WorldStatus.RUNNING);
    }

    Place(World world, LocationState state, long now, GameTime time, WorldStatus status) {
        this.world = world;
        this.location = world.location(state.locationId())
                .orElseThrow(() -> new IllegalArgumentException("unknown location '" + state.locationId() + "'"));
        this.state = state;
        this.now = now;
        this.time = time;
        this.status = status;
    }

    GameTime time() {
        return time;
    }

    WorldStatus status() {
        return status;
    }

    /** The description for the time of day. */
    String description() {
        return location.descriptionAt(time);
    }

    /** The clock, day or night and the world event, as the player sees them here. */
    WorldNow worldNow() {
        WorldEventKind event = status.eventAt(now).map(e -> e.kind()).orElse(null);
        return new WorldNow(time.day(), time.clock(), time.night(), event == null ? null : event.id(),
                event == null ? null : event.name(), event == null ? null : event.ambience(), status.paused());
    }

    /** The world event closing this exit now, if any. */
    Optional<WorldEventKind> blocking(Exit exit) {
        return status.blocking(location.id(), exit.direction(), now);
    }

    /** Where an NPC is now, by their schedule. */
    Optional<Location> whereIs(Npc npc) {
        return world.location(Whereabouts.locationOf(npc, time));
    }

    Location location() {
        return location;
    }

    LocationState state() {
        return state;
    }

    long now() {
        return now;
    }

    /** Item definitions on the ground, in order; ids missing from the pack are skipped. */
    List<ItemDef> groundItems() {
        return defs(state.items());
    }

    List<ItemDef> defs(Collection<String> itemIds) {
        List<ItemDef> defs = new ArrayList<>();
        for (String id : itemIds) {
            world.item(id).ifPresent(defs::add);
        }
        return defs;
    }

    /** The NPCs here now: by their schedules, at this hour ({@link Whereabouts}). */
    List<Npc> npcs() {
        return Whereabouts.npcsAt(world, location.id(), time);
    }

    /** Creatures alive now; one without a state entry (added to the pack later) stands at full HP. */
    List<CreatureDef> aliveCreatures() {
        List<CreatureDef> alive = new ArrayList<>();
        for (String id : location.creatures()) {
            world.creature(id).filter(def -> hpOf(def) > 0).ifPresent(alive::add);
        }
        return alive;
    }

    int hpOf(CreatureDef def) {
        CreatureState cs = state.creatures().get(def.id());
        return cs == null ? def.maxHp() : cs.hpAt(now, def.maxHp());
    }

    boolean isLocked(Exit exit) {
        return exit.keyItemId() != null && !state.unlockedExits().contains(exit.direction());
    }

    String targetName(Exit exit) {
        return world.location(exit.to()).map(Location::name).orElse(exit.to());
    }

    Optional<ItemDef> groundItem(String phrase) {
        return best(phrase, groundItems(), Place::itemTerms);
    }

    Optional<ItemDef> item(String phrase, Collection<String> itemIds) {
        return best(phrase, defs(itemIds), Place::itemTerms);
    }

    Optional<Npc> npc(String phrase) {
        return best(phrase, npcs(), npc -> terms(npc.id(), npc.name(), npc.title(), npc.aliases()));
    }

    /** Any NPC in the world, to say "Brannoc is not here." rather than "who?". */
    Optional<Npc> npcAnywhere(String phrase) {
        return best(phrase, List.copyOf(world.npcs().values()),
                npc -> terms(npc.id(), npc.name(), npc.title(), npc.aliases()));
    }

    Optional<CreatureDef> creature(String phrase) {
        return best(phrase, aliveCreatures(), c -> terms(c.id(), c.name(), null, c.aliases()));
    }

    /** The exit named by direction or alias, else the one whose destination the phrase names ("the forge"). */
    Optional<Exit> exit(String phrase) {
        Optional<Exit> named = best(canonical(phrase), location.exits(), Place::exitTerms);
        if (named.isPresent()) {
            return named;
        }
        return best(phrase, location.exits(), e -> List.of(targetName(e), e.to()));
    }

    /** The exit whose direction or alias is exactly this phrase; used to treat a bare "gate" as "go gate". */
    Optional<Exit> exactExit(String phrase) {
        String direction = canonical(phrase);
        return location.exits().stream()
                .filter(e -> Names.score(direction, exitTerms(e)) == Names.EXACT)
                .findFirst();
    }

    /** Direction and aliases, abbreviations spelled out so an authored "n" matches a typed "north". */
    private static List<String> exitTerms(Exit exit) {
        return terms(exit.direction(), null, null, exit.aliases()).stream().map(Place::canonical).toList();
    }

    private static String canonical(String word) {
        return Directions.canonical(word).orElse(word);
    }

    private static List<String> itemTerms(ItemDef item) {
        return terms(item.id(), item.name(), null, item.aliases());
    }

    private static List<String> terms(String id, String name, String title, List<String> aliases) {
        List<String> terms = new ArrayList<>();
        terms.add(id);
        if (name != null) {
            terms.add(name);
        }
        if (title != null) {
            terms.add(title);
        }
        terms.addAll(aliases);
        return terms;
    }

    /** The first candidate with the best score above zero. */
    private static <T> Optional<T> best(String phrase, List<T> candidates, Function<T, List<String>> terms) {
        T best = null;
        int bestScore = 0;
        for (T candidate : candidates) {
            int score = Names.score(phrase, terms.apply(candidate));
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }
}
