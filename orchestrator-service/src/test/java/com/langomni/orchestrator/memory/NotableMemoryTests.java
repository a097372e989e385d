package com.langomni.orchestrator.memory;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.ItemKind;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.FakeMemoryService;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.orchestrator.support.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notable events of real actions become NPC memories (about the player) and the player's own history. */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class NotableMemoryTests {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @Inject
    World world;

    @Inject
    FakeMemoryService memory;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void servicesUp() {
        memory.reset();
        breakers.resetAll();
    }

    /** The one memory of {@code owner} containing {@code text}, once delivered. */
    private JsonNode memoryOf(String owner, String text) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(DEADLINE).until(() -> {
            Optional<JsonNode> hit = memory.writesContaining(text).stream()
                    .filter(w -> owner.equals(w.path("ownerId").asText())).findFirst();
            hit.ifPresent(found::set);
            return hit.isPresent();
        });
        return found.get();
    }

    private static String alias(Npc npc) {
        return npc.aliases().stream().findFirst().orElse(npc.name());
    }

    @Test
    void attackingAnNpcIsRememberedByBothSides() {
        TestPlayer player = TestPlayer.register();
        TestWorld.Route route = new TestWorld(world).routeTo(l -> !l.npcs().isEmpty());
        route.directions().forEach(direction -> player.ok("go " + direction));
        Npc npc = world.npcs().get(route.destination().npcs().get(0));

        player.ok("attack " + alias(npc));

        JsonNode remembered = memoryOf("npc:" + npc.id(), player.name() + " tried to attack me.");
        assertEquals(player.id(), remembered.path("subjectId").asText());
        assertEquals("observation", remembered.path("kind").asText());
        assertEquals(8, remembered.path("importance").asInt());
        assertEquals("private", remembered.path("visibility").asText(), "a refused attack raised no room event");
        JsonNode own = memoryOf("player:" + player.id(), "You tried to attack " + npc.name() + ".");
        assertEquals(player.id(), own.path("subjectId").asText());
        assertEquals("private", own.path("visibility").asText());
        assertTrue(own.path("provenance").isMissingNode() || own.path("provenance").isNull(),
                "a player's own history is no NPC's knowledge");
    }

    @Test
    void aGiftLeavesThePackAndIsRemembered() {
        TestWorld map = new TestWorld(world);
        TestPlayer player = TestPlayer.register();
        TestWorld.Route route = map.routeTo(l -> !l.npcs().isEmpty() && map.takeable(l).stream()
                .anyMatch(i -> i.kind() != ItemKind.KEY));
        route.directions().forEach(direction -> player.ok("go " + direction));
        Npc npc = world.npcs().get(route.destination().npcs().get(0));
        ItemDef item = map.takeableNow(player, route.destination()).stream()
                .filter(i -> i.kind() != ItemKind.KEY).findFirst().orElseThrow();
        player.ok("take " + item.name());

        player.ok("give the " + item.name() + " to " + alias(npc)).then().body("text", containsString(
                "You give the " + item.name() + " to " + npc.name() + "."))
                .body("player.inventory.id", equalTo(List.of()));
        player.ok("give the " + item.name() + " to " + alias(npc)).then()
                .body("text", containsString("You don't have that."));

        JsonNode npcMemory = memoryOf("npc:" + npc.id(), player.name() + " gave me the " + item.name() + ".");
        assertEquals(player.id(), npcMemory.path("subjectId").asText());
        assertEquals("public", npcMemory.path("visibility").asText(), "the room saw the gift");
        assertEquals("witnessed", npcMemory.path("provenance").path("source").asText());
        assertEquals(route.destination().id(), npcMemory.path("provenance").path("locationId").asText());
        assertEquals(player.name() + " gave " + npc.name() + " the " + item.name() + " in " + route.destination().name()
                + ".", npcMemory.path("provenance").path("gist").asText(), "the news others may retell");
        JsonNode own = memoryOf("player:" + player.id(), "You gave " + npc.name() + " the " + item.name() + ".");
        assertEquals("private", own.path("visibility").asText());
    }

    @Test
    void aConversationIsRememberedByTheNpcAndInThePlayersHistory() {
        TestPlayer player = TestPlayer.register();
        TestWorld.Route route = new TestWorld(world).routeTo(l -> !l.npcs().isEmpty());
        route.directions().forEach(direction -> player.ok("go " + direction));
        Npc npc = world.npcs().get(route.destination().npcs().get(0));

        player.ok("ask " + alias(npc) + " about the harvest");

        JsonNode npcMemory = memoryOf("npc:" + npc.id(), player.name() + " asked me about harvest; I said: Reply ");
        assertEquals("conversation", npcMemory.path("kind").asText());
        assertEquals(player.id(), npcMemory.path("subjectId").asText());
        assertTrue(npcMemory.path("importance").isNull(), "memory-service scores conversations");
        assertEquals("private", npcMemory.path("visibility").asText(), "what a player says to an NPC is theirs");
        assertEquals("told", npcMemory.path("provenance").path("source").asText(), "where the NPC's knowledge came from");
        // the NPC's recall for this conversation was scoped to this player: no other player's private words
        assertTrue(memory.searches().stream().anyMatch(s -> ("npc:" + npc.id()).equals(s.path("ownerId").asText())
                && player.id().equals(s.path("subjectId").asText())), memory.searches().toString());
        JsonNode own = memoryOf("player:" + player.id(), "You asked " + npc.name() + " about harvest; " + npc.name()
                + " said: Reply ");
        assertFalse(own.path("text").asText().contains(player.name()), "the player's history never names them");
    }

    private Optional<Exit> wayTo(Location from, CreatureDef creature) {
        return from.exits().stream().filter(e -> e.keyItemId() == null)
                .filter(e -> world.locations().get(e.to()).creatures().contains(creature.id())).findFirst();
    }

    @Test
    void aKillIsPartOfThePlayersHistory() {
        CreatureDef prey = world.creatures().values().stream().filter(CreatureDef::hostile)
                .min((a, b) -> Integer.compare(a.maxHp(), b.maxHp())).orElseThrow();
        // walks never cross hostile places: go to a peaceful one next to the creature's, then step in
        TestWorld.Route route = new TestWorld(world).routeTo(l -> wayTo(l, prey).isPresent());
        Exit in = wayTo(route.destination(), prey).orElseThrow();
        Location den = world.locations().get(in.to());
        TestPlayer player = TestPlayer.register();
        route.directions().forEach(direction -> player.ok("go " + direction));
        player.ok("go " + in.direction());

        // one blow at a time, under the rate limit, until it falls (a 6-HP rat cannot kill a fresh player first)
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(300)).until(() -> {
            Response response = player.act("attack " + prey.aliases().get(0));
            return response.statusCode() == 200 && response.path("text").toString().contains("falls dead");
        });

        JsonNode own = memoryOf("player:" + player.id(), "You killed the " + prey.name() + " in " + den.name() + ".");
        assertEquals(5, own.path("importance").asInt());
        assertEquals(player.id(), own.path("subjectId").asText());
    }
}
