package com.langomni.orchestrator.game.rules;

import com.langomni.api.game.LocationView;
import com.langomni.api.game.NpcView;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import com.langomni.orchestrator.game.rules.model.CreatureState;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.Whereabouts;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.rules.world.ActiveEvent;
import com.langomni.orchestrator.game.rules.world.GameClock;
import com.langomni.orchestrator.game.rules.world.GameTime;
import com.langomni.orchestrator.game.rules.world.Respawns;
import com.langomni.orchestrator.game.rules.world.ScheduleSlot;
import com.langomni.orchestrator.game.rules.world.WorldEventKind;
import com.langomni.orchestrator.game.rules.world.WorldStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.langomni.orchestrator.game.rules.Wording.facts;
import static com.langomni.orchestrator.game.rules.Wording.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The living world in the rules: the game clock, day and night, NPC schedules, creatures coming back, world events
 * and a paused world. The small test world, with Brannoc going to the yard at night, a night description for the
 * hall and a storm that closes the way east; one game day per real day from the epoch, so hour h is h real hours.
 */
class LivingWorldTest {

    private static final long HOUR = 3_600_000L;
    private static final GameClock CLOCK = new GameClock(24 * HOUR, 0L, 20, 6);
    private static final long NOON = 12 * HOUR;
    private static final long NINE_PM = 21 * HOUR;
    private static final WorldEventKind STORM = new WorldEventKind("storm", "Storm", "A storm rolls in.",
            "Rain lashes everything.", "The storm is over.", 600, Set.of(WorldEventKind.exitKey("hall", "east")));

    private final World world = living();
    private final Parser parser = new Parser();
    private ScriptedDice dice = new ScriptedDice();
    private RulesEngine engine = new RulesEngine(world, dice, CLOCK);

    static World living() {
        World small = TestWorlds.small();
        Map<String, Npc> npcs = new LinkedHashMap<>(small.npcs());
        Npc brannoc = small.npcs().get("brannoc");
        npcs.put("brannoc", new Npc(brannoc.id(), brannoc.name(), brannoc.title(), brannoc.locationId(),
                brannoc.aliases(), brannoc.persona(), brannoc.knowledge(), brannoc.greeting(),
                List.of(new ScheduleSlot(20, 6, "yard"))));
        Map<String, Location> locations = new LinkedHashMap<>(small.locations());
        Location hall = small.locations().get("hall");
        locations.put("hall", new Location(hall.id(), hall.name(), hall.description(), hall.exits(), hall.items(),
                hall.npcs(), hall.creatures(), "A dark hall, the fire banked."));
        return new World(small.version(), small.startLocationId(), locations, small.items(), npcs, small.creatures(),
                Map.of("storm", STORM), Map.of());
    }

    private static PlayerState at(String locationId, String... inventory) {
        return new PlayerState("p1", "Ada", locationId, 30, 30, List.of(inventory));
    }

    private Outcome act(PlayerState player, String text, long now) {
        return act(player, engine.initialState(player.locationId()), text, now, WorldStatus.RUNNING);
    }

    private Outcome act(PlayerState player, LocationState here, String text, long now, WorldStatus status) {
        return engine.apply(player, here, parser.parse(text), now, true, status);
    }

    @Nested
    class TheClock {

        @Test
        void oneRealHourADayByDefaultCountedFromTheEpoch() {
            GameClock clock = GameClock.DEFAULT;
            assertEquals(new GameTime(1, 0, 0, true), clock.at(0));
            assertEquals(new GameTime(1, 12, 0, false), clock.at(30 * 60_000L));
            assertEquals(new GameTime(1, 20, 0, true), clock.at(50 * 60_000L));
            assertEquals(new GameTime(2, 0, 0, true), clock.at(HOUR));
            assertEquals("05:57", clock.at(HOUR + 14 * 60_000L + 53_000L).clock());
        }

        @Test
        void theEpochAndTheDayLengthAreTheConfigs() {
            GameClock clock = new GameClock(24 * 60_000L, 1_000_000L, 21, 5);
            assertEquals(new GameTime(1, 0, 0, true), clock.at(1_000_000L));
            assertEquals(new GameTime(1, 5, 0, false), clock.at(1_000_000L + 5 * 60_000L));
            assertEquals(new GameTime(0, 23, 0, true), clock.at(1_000_000L - 60_000L), "before day 1");
            assertEquals(new GameTime(3, 21, 30, true), clock.at(1_000_000L + 2 * 24 * 60_000L + 21 * 60_000L + 30_000L));
        }

        @Test
        void nightMayAlsoFallInsideOneDay() {
            GameClock odd = new GameClock(24 * HOUR, 0, 1, 4);
            assertTrue(odd.nightAt(1));
            assertTrue(odd.nightAt(3));
            assertFalse(odd.nightAt(4));
            assertFalse(odd.nightAt(0));
        }

        @Test
        void aBadClockIsRefused() {
            assertThrows(IllegalArgumentException.class, () -> new GameClock(0, 0, 20, 6));
            assertThrows(IllegalArgumentException.class, () -> new GameClock(HOUR, 0, 20, 20));
            assertThrows(IllegalArgumentException.class, () -> new GameClock(HOUR, 0, 24, 6));
            assertThrows(IllegalArgumentException.class, () -> new GameClock(HOUR, 0, 20, -1));
        }
    }

    @Nested
    class DayAndNight {

        @Test
        void lookTellsTheTimeAndTheNightDescription() {
            Outcome day = act(at("hall"), "look", NOON);
            LocationView place = facts(day, Facts.Looked.class).place();
            assertEquals("A smoky hall.", place.description());
            assertEquals("12:00", place.now().time());
            assertFalse(place.now().night());
            assertTrue(text(day).contains("It is day, 12:00 on day 1."), text(day));

            Outcome night = act(at("hall"), "look", NINE_PM);
            assertEquals("A dark hall, the fire banked.", facts(night, Facts.Looked.class).place().description());
            assertTrue(text(night).contains("It is night, 21:00 on day 1."), text(night));
        }

        @Test
        void aPlaceWithoutANightDescriptionKeepsItsOwn() {
            Outcome night = act(at("yard"), "look", NINE_PM);
            assertEquals("A muddy yard.", facts(night, Facts.Looked.class).place().description());
        }

        @Test
        void theViewsSayTheSame() {
            LocationView view = Views.location(world, engine.initialState("hall"), List.of(), NINE_PM, CLOCK,
                    WorldStatus.RUNNING);
            assertEquals("A dark hall, the fire banked.", view.description());
            assertTrue(view.now().night());
            assertEquals(List.of(), view.npcs(), "Brannoc is in the yard at night");
        }
    }

    @Nested
    class Schedules {

        @Test
        void anNpcIsWhereTheirScheduleSaysAndHomeOtherwise() {
            Npc brannoc = world.npcs().get("brannoc");
            assertEquals("hall", Whereabouts.locationOf(brannoc, CLOCK.at(NOON)));
            assertEquals("yard", Whereabouts.locationOf(brannoc, CLOCK.at(NINE_PM)));
            assertEquals("yard", Whereabouts.locationOf(brannoc, CLOCK.at(5 * HOUR + 59 * 60_000L)));
            assertEquals("hall", Whereabouts.locationOf(brannoc, CLOCK.at(6 * HOUR)));
            assertEquals("den", Whereabouts.locationOf(world.npcs().get("marta"), CLOCK.at(NINE_PM)), "no schedule");
        }

        @Test
        void whoIsWhereIsOneFunctionOfTheClock() {
            assertEquals(List.of("brannoc", "pip"), ids(Whereabouts.npcsAt(world, CLOCK, "yard", NINE_PM)));
            assertEquals(List.of("pip"), ids(Whereabouts.npcsAt(world, CLOCK, "yard", NOON)));
            assertEquals(List.of("brannoc"), ids(Whereabouts.npcsAt(world, "hall", CLOCK.at(NOON))));
            assertEquals(List.of(), ids(Whereabouts.npcsAt(world, "hall", CLOCK.at(NINE_PM))));
            assertEquals(List.of("brannoc", "pip"), Views.npcs(world, "yard", CLOCK.at(NINE_PM)).stream()
                    .map(NpcView::id).toList());
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 5, 6, 19, 20, 23})
        void aSlotWrapsPastMidnight(int hour) {
            ScheduleSlot night = new ScheduleSlot(20, 6, "yard");
            assertEquals(hour >= 20 || hour < 6, night.covers(hour));
            assertEquals(hour >= 6 && hour < 20, new ScheduleSlot(6, 20, "hall").covers(hour));
            assertTrue(new ScheduleSlot(3, 3, "hall").covers(hour), "equal hours: all day");
        }

        @Test
        void talkingToAnNpcWhoHasGoneElsewhereIsRefusedSayingWhere() {
            Outcome gone = act(at("hall"), "talk to brannoc", NINE_PM);
            assertFalse(gone.success());
            Facts.Refused refused = facts(gone, Facts.Refused.class);
            assertEquals(Refusal.NOT_PRESENT, refused.reason());
            assertEquals("Brannoc is not here; at this hour Brannoc is at Yard.", text(gone));
            assertNull(gone.npcTalk());

            Outcome found = act(at("yard"), "talk to smith", NINE_PM);
            assertTrue(found.success(), text(found));
            assertEquals("brannoc", found.npcTalk().npcId());
        }

        @Test
        void byDayTheyAreHomeAgain() {
            assertTrue(act(at("hall"), "talk to brannoc", NOON).success());
            Outcome notInYard = act(at("yard"), "ask brannoc about swords", NOON);
            assertEquals(Refusal.NOT_PRESENT, facts(notInYard, Facts.Refused.class).reason());
            assertEquals("Brannoc is not here; at this hour Brannoc is at Great Hall.", text(notInYard));
        }

        @Test
        void twoNpcsAtNightMeanTheUnnamedTalkAsksWhom() {
            Outcome whom = act(at("yard"), "talk", NINE_PM);
            assertEquals(Refusal.TALK_TO_WHOM, facts(whom, Facts.Refused.class).reason());
            assertEquals(List.of("Brannoc", "Pip"), facts(whom, Facts.Refused.class).here());
            assertTrue(act(at("yard"), "talk", NOON).success(), "only Pip by day");
        }

        @Test
        void givingToAnAbsentNpcIsRefused() {
            Outcome give = act(at("hall", "pebble"), "give pebble to brannoc", NINE_PM);
            assertFalse(give.success());
            assertEquals(Refusal.NOT_PRESENT, facts(give, Facts.Refused.class).reason());
        }

        private static List<String> ids(List<Npc> npcs) {
            return npcs.stream().map(Npc::id).toList();
        }
    }

    @Nested
    class Respawning {

        private LocationState ratDiesAt(long now) {
            dice = new ScriptedDice(20, 4);
            engine = new RulesEngine(world, dice, CLOCK);
            LocationState hurt = new LocationState("hall", List.of(), Map.of("rat", new CreatureState("rat", 2, 0)),
                    Set.of());
            Outcome kill = act(at("hall"), hurt, "attack rat", now, WorldStatus.RUNNING);
            Facts.Fought fought = facts(kill, Facts.Fought.class);
            assertTrue(fought.killed());
            assertEquals(now + 60_000L, fought.respawnAt());
            return kill.location();
        }

        @Test
        void aKilledCreatureComesBackAfterItsTime() {
            LocationState dead = ratDiesAt(NOON);
            assertNull(Respawns.due(world, dead, NOON + 59_999L));
            assertEquals(NOON + 60_000L, Respawns.next(dead, NOON));
            Outcome stillGone = act(at("hall"), dead, "attack rat", NOON + 59_999L, WorldStatus.RUNNING);
            assertEquals(Refusal.NO_SUCH_FOE, facts(stillGone, Facts.Refused.class).reason());

            Respawns.Respawned back = Respawns.due(world, dead, NOON + 60_000L);
            assertNotNull(back);
            assertEquals(List.of("rat"), back.creatures().stream().map(c -> c.id()).toList());
            assertEquals(new CreatureState("rat", 6, 0), back.state().creatures().get("rat"));
            assertEquals(dead.items(), back.state().items(), "the loot stays where it fell");
            assertEquals(0L, Respawns.next(back.state(), NOON + 60_000L));
            assertNull(Respawns.due(world, back.state(), NOON + 120_000L), "announced once");
        }

        @Test
        void theRulesSeeItBackEvenBeforeTheStoredStateIsSettled() {
            LocationState dead = ratDiesAt(NOON);
            Outcome look = act(at("hall"), dead, "look", NOON + 60_000L, WorldStatus.RUNNING);
            assertTrue(facts(look, Facts.Looked.class).place().creatures().stream()
                    .anyMatch(c -> c.id().equals("rat") && c.hp() == 6));
        }

        @Test
        void theLivingAndTheUnknownAreLeftAlone() {
            LocationState state = new LocationState("hall", List.of(), Map.of(
                    "rat", new CreatureState("rat", 3, 0),
                    "ghost", new CreatureState("ghost", 0, 1L)), Set.of());
            assertNull(Respawns.due(world, state, NOON));
            assertSame(null, Respawns.due(world, engine.initialState("den"), NOON));
        }
    }

    @Nested
    class WorldEvents {

        private final WorldStatus storm = new WorldStatus(false, new ActiveEvent(STORM, NOON, NOON + 600_000L));

        @Test
        void aStormClosesTheWayItBlocksWhileItLasts() {
            Outcome blocked = act(at("hall"), engine.initialState("hall"), "go east", NOON + 1, storm);
            assertFalse(blocked.success());
            assertEquals(Refusal.EXIT_BLOCKED, facts(blocked, Facts.Refused.class).reason());
            assertEquals("The way east is closed by the storm. You will have to wait it out.", text(blocked));
            assertEquals(at("hall"), blocked.player());

            assertTrue(act(at("hall"), engine.initialState("hall"), "go south", NOON + 1, storm).success(),
                    "other ways stay open");
            assertTrue(act(at("hall"), engine.initialState("hall"), "go east", NOON + 600_000L, storm).success(),
                    "over at its end");
            assertTrue(act(at("hall"), engine.initialState("hall"), "go east", NOON - 1, storm).success(),
                    "not before it starts");
        }

        @Test
        void descriptionsAndTheNarratorSeeTheWeather() {
            Outcome look = act(at("yard"), engine.initialState("yard"), "look", NOON + 1, storm);
            LocationView place = facts(look, Facts.Looked.class).place();
            assertEquals("storm", place.now().event());
            assertEquals("Rain lashes everything.", place.now().eventText());
            assertTrue(text(look).contains("It is day, 12:00 on day 1. Rain lashes everything."), text(look));

            LocationView after = facts(act(at("yard"), engine.initialState("yard"), "look", NOON + 600_000L, storm),
                    Facts.Looked.class).place();
            assertNull(after.now().event());
        }
    }

    @Nested
    class Paused {

        private final WorldStatus paused = new WorldStatus(true, null);

        @ParameterizedTest
        @ValueSource(strings = {"go north", "take pebble", "attack rat", "talk to pip", "drop pebble", "use potion",
                "give pebble to pip", "dance wildly"})
        void actionsThatChangeTheWorldAreRefused(String action) {
            LocationState yard = engine.initialState("yard");
            Outcome refused = act(at("yard", "pebble", "potion"), yard, action, NOON, paused);
            assertFalse(refused.success());
            assertEquals(Refusal.WORLD_PAUSED, facts(refused, Facts.Refused.class).reason());
            assertEquals(at("yard", "pebble", "potion"), refused.player());
            assertEquals(yard, refused.location());
            assertEquals(List.of(), refused.events());
            assertTrue(text(refused).contains("paused"), text(refused));
        }

        @ParameterizedTest
        @ValueSource(strings = {"look", "examine pebble", "help", "inventory", "say hello"})
        void lookingAndChattingStillWork(String action) {
            Outcome allowed = act(at("yard"), engine.initialState("yard"), action, NOON, paused);
            assertTrue(allowed.success(), action + ": " + text(allowed));
        }

        @Test
        void lookShowsThePause() {
            Outcome look = act(at("yard"), engine.initialState("yard"), "look", NOON, paused);
            assertTrue(facts(look, Facts.Looked.class).place().now().paused());
            assertTrue(text(look).contains("The world is paused."), text(look));
        }

        @Test
        void runningAgainEverythingWorks() {
            assertTrue(act(at("yard"), engine.initialState("yard"), "go north", NOON, WorldStatus.RUNNING).success());
        }
    }
}
