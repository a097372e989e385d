package com.langomni.orchestrator.narration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.game.CreatureView;
import com.langomni.api.game.ExitView;
import com.langomni.api.game.ItemView;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.PlayerRef;
import com.langomni.api.game.PlayerView;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import com.langomni.orchestrator.narration.NarrationPolicy.Plan;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.api.outcome.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class NarrationCacheKeyTest {

    private static final Plan LOOK = new Plan(true, 120, true, true, true);
    private final ObjectMapper json = new ObjectMapper();

    private static LocationView square(List<ItemView> items, List<CreatureView> creatures, List<PlayerRef> players) {
        return new LocationView("square", "Thornwall Square", "Cobbles and a well.",
                List.of(new ExitView("north", "gate", "North Gate", false)), items, List.of(), creatures, players);
    }

    private static LocationView square(List<PlayerRef> players) {
        return square(List.of(new ItemView("well", "old well")), List.of(), players);
    }

    private static NarrationContext look(String actionId, String playerId, String playerName, LocationView where,
                                         List<String> recent, String typed) {
        PlayerView player = new PlayerView(playerId, playerName, "square", 20, 20, List.of());
        Outcome outcome = new Outcome(Verb.LOOK, true, null, null, false, List.of(), looked(where), null);
        return new NarrationContext(actionId, outcome, player, where, recent, typed, 0L);
    }

    /** A look's facts: the place as the rules see it, without the players present. */
    private static Facts.Looked looked(LocationView where) {
        return new Facts.Looked(new LocationView(where.id(), where.name(), where.description(), List.copyOf(where.exits()),
                List.copyOf(where.items()), List.copyOf(where.npcs()), List.copyOf(where.creatures()), List.of()));
    }

    private String key(NarrationRequest request) {
        return NarrationCacheKey.of("v2", request, json);
    }

    private String placeKey(NarrationContext context) {
        return key(WorldNarration.placeRequest(context, LOOK));
    }

    @Test
    void twoPlayersLookingAtAnUnchangedPlaceShareOneKeyWhoeverElseIsThereAndWhateverTheyTyped() {
        NarrationContext ann = look("a1", "ann-id", "Ann", square(List.of(new PlayerRef("ann-id", "Ann"))),
                List.of("Bob arrives."), "look");
        NarrationContext cid = look("a2", "cid-id", "Cid", square(List.of(new PlayerRef("cid-id", "Cid"),
                new PlayerRef("bob-id", "Bob"))), List.of("Ann says hello."), "l");
        assertEquals(placeKey(ann), placeKey(cid));
    }

    @Test
    void aPlaceRequestCarriesNothingThatWouldMakeTheCachedTextUntrueForAnotherReader() {
        NarrationRequest place = WorldNarration.placeRequest(look("a1", "ann-id", "Ann",
                square(List.of(new PlayerRef("bob-id", "Bob"))), List.of("Bob arrives."), "look"), LOOK);
        assertNull(place.player(), "not the actor: hp and inventory are theirs");
        assertTrue(place.location().players().isEmpty(), "who is here changes by the second");
        assertTrue(place.recent().isEmpty());
        assertNull(place.playerText());
        assertTrue(place.history().isEmpty());
        assertEquals(120, place.maxTokens());
        assertEquals(NarrationRequest.HIGH, place.priority());
    }

    @Test
    void aChangeInWhatThePlaceShowsIsANewStateVersionAndANewKey() {
        LocationView before = square(List.of());
        LocationView taken = square(List.of(), List.of(), List.of());
        LocationView wolf = square(List.of(new ItemView("well", "old well")),
                List.of(new CreatureView("wolf", "grey wolf", 10, 10, true)), List.of());
        LocationView wounded = square(List.of(new ItemView("well", "old well")),
                List.of(new CreatureView("wolf", "grey wolf", 4, 10, true)), List.of());
        List<String> versions = List.of(before, taken, wolf, wounded).stream()
                .map(l -> NarrationCacheKey.stateVersion(l, json)).toList();
        assertEquals(4, versions.stream().distinct().count(), versions::toString);
        assertEquals(NarrationCacheKey.stateVersion(before, json),
                NarrationCacheKey.stateVersion(square(List.of(new PlayerRef("bob-id", "Bob"))), json),
                "players coming and going are no change of the place");
        assertNotEquals(placeKey(look("a1", "ann-id", "Ann", before, List.of(), "look")),
                placeKey(look("a1", "ann-id", "Ann", wounded, List.of(), "look")));
    }

    @Test
    void equalFactsMakeEqualKeysWhicheverInstanceCarriesThem() {
        NarrationRequest base = WorldNarration.placeRequest(look("a1", "ann-id", "Ann", square(List.of()), List.of(), "look"), LOOK);
        Facts same = looked(square(List.of()));
        NarrationRequest equal = new NarrationRequest("a9", Verb.LOOK, true, base.outcome(), same, null,
                base.location(), List.of(), null, List.of(), 120, NarrationRequest.HIGH);
        assertEquals(key(base), key(equal));
    }

    @Test
    void everythingElseInTheRequestChangesTheKey() {
        NarrationRequest base = WorldNarration.placeRequest(look("a1", "ann-id", "Ann", square(List.of()), List.of(), "look"), LOOK);
        String original = key(base);
        List<NarrationRequest> variants = List.of(
                new NarrationRequest("a1", Verb.EXAMINE, true, base.outcome(), base.facts(), null, base.location(), List.of(), null, List.of(), 120, "high"),
                new NarrationRequest("a1", Verb.LOOK, false, base.outcome(), base.facts(), null, base.location(), List.of(), null, List.of(), 120, "high"),
                new NarrationRequest("a1", Verb.LOOK, true, "Another outcome.", base.facts(), null, base.location(), List.of(), null, List.of(), 120, "high"),
                new NarrationRequest("a1", Verb.LOOK, true, base.outcome(), new Facts.Nothing(), null, base.location(), List.of(), null, List.of(), 120, "high"),
                new NarrationRequest("a1", Verb.LOOK, true, base.outcome(), base.facts(), null, base.location(), List.of(), null, List.of(), 60, "high"));
        for (NarrationRequest variant : variants) {
            assertNotEquals(original, key(variant), variant::toString);
        }
        assertEquals(original, key(new NarrationRequest("a1", Verb.LOOK, true, base.outcome(), base.facts(), null,
                base.location(), List.of(), null, List.of(), 120, "normal")), "priority does not shape the text");
        assertNotEquals(original, NarrationCacheKey.of("v3", base, json), "a new namespace invalidates every entry");
    }

    @Test
    void aRequestCarryingAnyPlayersWordsHasNoKey() {
        NarrationRequest base = WorldNarration.placeRequest(look("a1", "ann-id", "Ann", square(List.of()), List.of(), "look"), LOOK);
        assertTrue(NarrationCacheKey.shareable(base));
        PlayerView ann = new PlayerView("ann-id", "Ann", "square", 5, 20, List.of());
        LocationView withBob = square(List.of(new PlayerRef("bob-id", "Bob")));
        List<NarrationRequest> personal = List.of(
                new NarrationRequest("a1", Verb.LOOK, true, base.outcome(), base.facts(), ann, base.location(), List.of(), null, List.of(), 120, "high"),
                new NarrationRequest("a1", Verb.LOOK, true, base.outcome(), base.facts(), null, withBob, List.of(), null, List.of(), 120, "high"),
                new NarrationRequest("a1", Verb.LOOK, true, base.outcome(), base.facts(), null, base.location(), List.of("Bob says, \"obey me\""), null, List.of(), 120, "high"),
                new NarrationRequest("a1", Verb.LOOK, true, base.outcome(), base.facts(), null, base.location(), List.of(), "look around", List.of(), 120, "high"),
                new NarrationRequest("a1", Verb.LOOK, true, base.outcome(), base.facts(), null, base.location(), List.of(), null, List.of("You killed the grey wolf."), 120, "high"),
                new NarrationRequest("a1", Verb.EXAMINE, true, "You are Ann, with 5 of 20 HP. You carry nothing.",
                        new Facts.SelfExamined("Ann", 5, 20, List.of()), null, base.location(), List.of(), null, List.of(), 80, "normal"),
                new NarrationRequest("a1", Verb.SAY, true, "You say, \"hi\"", new Facts.Said("hi"), null, base.location(), List.of(), null, List.of(), 80, "normal"),
                new NarrationRequest("a1", Verb.TALK, false, "There is no one called bob here.",
                        Facts.Refused.because(Refusal.NO_ONE_CALLED).what("bob"), null, base.location(), List.of(), null, List.of(), 80, "normal"));
        for (NarrationRequest request : personal) {
            assertFalse(NarrationCacheKey.shareable(request), request::toString);
            assertThrows(IllegalArgumentException.class, () -> key(request), request::toString);
        }
    }

    @Test
    void examiningOneselfIsAskedWithTheNameSoItIsNeverShared() {
        PlayerView ann = new PlayerView("ann-id", "Ann", "square", 20, 20, List.of());
        Outcome self = new Outcome(Verb.EXAMINE, true, null, null, false, List.of(),
                new Facts.SelfExamined("Ann", 20, 20, List.of()), null);
        NarrationRequest asked = WorldNarration.placeRequest(
                new NarrationContext("a1", self, ann, square(List.of()), List.of(), "examine me", 0L),
                new Plan(true, 80, false, true, false));
        assertFalse(NarrationCacheKey.shareable(asked), "the facts name the player: " + asked);
    }
}
