package com.langomni.words;

import com.langomni.api.game.LocationView;
import com.langomni.api.game.WorldNow;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import com.langomni.api.outcome.Verb;
import com.langomni.api.outcome.Way;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldLinesTest {

    private static final WorldNow STORMY_NIGHT = new WorldNow(3, "21:05", true, "storm", "Storm",
            "A storm lashes Thornwall.", false);

    @Test
    void theTimeOfDayTheWeatherAndAPause() {
        assertEquals("It is night, 21:05 on day 3. A storm lashes Thornwall.", WorldLines.now(STORMY_NIGHT));
        assertEquals("It is day, 08:00 on day 1.", WorldLines.now(new WorldNow(1, "08:00", false, null, null, null,
                false)));
        assertEquals("It is night. The world is paused.", WorldLines.now(new WorldNow(0, null, true, null, null, null,
                true)), "a shared narration has no clock");
    }

    @Test
    void lookShowsTheWorldNowUnderTheDescription() {
        LocationView forge = withNow(Requests.FORGE, STORMY_NIGHT);
        String text = OutcomeText.of(new Facts.Looked(forge));
        String[] lines = text.split("\n");
        assertEquals(forge.description(), lines[1]);
        assertEquals("It is night, 21:05 on day 3. A storm lashes Thornwall.", lines[2]);
        assertFalse(OutcomeText.of(new Facts.Looked(Requests.FORGE)).contains("It is"), "no clock, no line");
    }

    @Test
    void theWorldsRefusals() {
        assertTrue(OutcomeText.of(Facts.Refused.because(Refusal.WORLD_PAUSED)).contains("paused"));
        assertEquals("The way north is closed by the storm. You will have to wait it out.",
                OutcomeText.of(Facts.Refused.because(Refusal.EXIT_BLOCKED).way(new Way("north", false))
                        .here(List.of("Storm"))));
        assertEquals("Brannoc is not here; at this hour Brannoc is at The Lantern and Hare.",
                OutcomeText.of(Facts.Refused.because(Refusal.NOT_PRESENT).npc("brannoc", "Brannoc")
                        .here(List.of("The Lantern and Hare"))));
        assertEquals("Brannoc is not here.",
                OutcomeText.of(Facts.Refused.because(Refusal.NOT_PRESENT).npc("brannoc", "Brannoc")));
    }

    @Test
    void theNarratorIsToldTheTimeAndTheWeatherAsAFact() {
        NarrationRequest request = new NarrationRequest("a", Verb.LOOK, true, "You look around.", null,
                Requests.ADA, withNow(Requests.FORGE, STORMY_NIGHT), List.of(), "look", List.of());
        String user = new NarrationPrompt(new PromptLimits(500, 8, 200, 5, 200, 6000)).build(request).user();
        int facts = user.indexOf("World facts");
        int weather = user.indexOf("Time and weather: It is night, 21:05 on day 3. A storm lashes Thornwall.");
        assertTrue(weather > facts && facts >= 0, user);
        assertTrue(weather < user.indexOf("What the rules engine decided"), user);
    }

    @Test
    void aCreatureComesBack() {
        assertEquals("A giant rat appears again.", WorldLines.respawned("giant rat"));
        assertEquals("The storm is over.", WorldLines.eventEnded("Storm"));
    }

    private static LocationView withNow(LocationView l, WorldNow now) {
        return new LocationView(l.id(), l.name(), l.description(), l.exits(), l.items(), l.npcs(), l.creatures(),
                l.players(), now);
    }
}
