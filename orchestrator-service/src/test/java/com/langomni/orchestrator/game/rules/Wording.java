package com.langomni.orchestrator.game.rules;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.langomni.api.outcome.Facts;
import com.langomni.words.OutcomeText;
import com.langomni.words.RoomLines;
import java.util.List;

/** An outcome as players read it, through game-words: the actor's sentence and what each room sees. */
final class Wording {

    /** One room event as its receivers read it. */
    record Seen(String locationId, String kind, String text) {
    }

    private Wording() {
    }

    /** The actor's sentence. */
    static String text(Outcome outcome) {
        return OutcomeText.of(outcome.facts());
    }

    /** The room events, worded, in order. */
    static List<Seen> seen(Outcome outcome) {
        return outcome.events().stream()
                .map(e -> new Seen(e.locationId(), e.kind(), RoomLines.line(e.kind(), outcome.player().name(),
                        outcome.facts())))
                .toList();
    }

    /** The outcome's facts, which must be of {@code kind}. */
    static <T extends Facts> T facts(Outcome outcome, Class<T> kind) {
        return assertInstanceOf(kind, outcome.facts());
    }
}
