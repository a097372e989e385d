package com.langomni.orchestrator.support;

import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.World;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds places in whatever world pack is loaded, so the tests follow the pack instead of hard-coding it:
 * the shortest walk from the start through open exits and peaceful places to a location that fits.
 */
public final class TestWorld {

    private final World world;

    public TestWorld(World world) {
        this.world = world;
    }

    public World world() {
        return world;
    }

    public Location start() {
        return world.locations().get(world.startLocationId());
    }

    /** A walk (exit directions) from the start to the nearest location matching {@code wanted}. */
    public Route routeTo(Predicate<Location> wanted) {
        return route(world.startLocationId(), wanted);
    }

    /** A walk from {@code fromId} back to the start. */
    public Route routeToStart(String fromId) {
        return route(fromId, l -> l.id().equals(world.startLocationId()));
    }

    private Route route(String fromId, Predicate<Location> wanted) {
        Map<String, List<String>> paths = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        paths.put(fromId, List.of());
        queue.add(fromId);
        while (!queue.isEmpty()) {
            Location here = world.locations().get(queue.poll());
            if (wanted.test(here)) {
                return new Route(paths.get(here.id()), here);
            }
            for (Exit exit : here.exits()) {
                Location next = world.locations().get(exit.to());
                if (exit.keyItemId() == null && next != null && peaceful(next) && !paths.containsKey(next.id())) {
                    List<String> path = new ArrayList<>(paths.get(here.id()));
                    path.add(exit.direction());
                    paths.put(next.id(), path);
                    queue.add(next.id());
                }
            }
        }
        throw new IllegalStateException("the world pack has no reachable location of the kind the test needs");
    }

    /** Takeable items lying in {@code location} when the world starts. */
    public List<ItemDef> takeable(Location location) {
        return location.items().stream().map(world.items()::get).filter(ItemDef::takeable).toList();
    }

    /** Takeable items lying in {@code location} right now (other tests may have moved some), as a player sees them. */
    public List<ItemDef> takeableNow(TestPlayer player, Location location) {
        List<String> ground = player.get("/api/game/world/" + location.id()).then().statusCode(200)
                .extract().path("items.id");
        return takeable(location).stream().filter(item -> ground.contains(item.id())).toList();
    }

    /** An open exit of the start location. */
    public Exit openExitOfStart() {
        return start().exits().stream().filter(e -> e.keyItemId() == null).findFirst().orElseThrow();
    }

    /** A compass direction the start location has no exit in. */
    public Optional<String> missingDirectionAtStart() {
        List<String> taken = start().exits().stream().map(Exit::direction).toList();
        return List.of("north", "south", "east", "west", "up", "down").stream()
                .filter(d -> !taken.contains(d))
                .filter(d -> start().exits().stream().noneMatch(e -> e.aliases().contains(d)))
                .findFirst();
    }

    private boolean peaceful(Location location) {
        return location.creatures().stream().map(world.creatures()::get).noneMatch(c -> c != null && c.hostile());
    }

    /** Directions to walk and where they lead. */
    public record Route(List<String> directions, Location destination) {
    }
}
