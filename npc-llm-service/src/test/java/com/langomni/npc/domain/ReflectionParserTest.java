package com.langomni.npc.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.npc.domain.ReflectionParser.Draft;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReflectionParserTest {
    private static final List<String> IDS = List.of("m-a", "m-b", "m-c", "m-d", "m-e");

    private static List<Draft> parse(String answer) {
        return ReflectionParser.parse(answer, IDS, 3, 300);
    }

    @Test
    void theAskedForFormatMapsNumbersToIds() {
        List<Draft> drafts = parse("""
                Ada cares deeply about her sister Mira (because of 1, 3)
                Ada is a reliable customer. (because of 2, 5, 4)
                """);
        assertEquals(List.of(new Draft("Ada cares deeply about her sister Mira.", List.of("m-a", "m-c")),
                new Draft("Ada is a reliable customer.", List.of("m-b", "m-e", "m-d"))), drafts);
    }

    @Test
    void listMarkersLabelsAndBracketVariantsAreTolerated() {
        List<Draft> drafts = parse("""
                Here are my insights:
                1. Insight: Ada distrusts the guards [2, 3]
                - **Ada** owes Brann money (because of memories 4 and 5).
                * "Bob threatened Brann twice" (evidence: #1)
                """);
        assertEquals(List.of("Ada distrusts the guards.", "Ada owes Brann money.", "Bob threatened Brann twice."),
                drafts.stream().map(Draft::text).toList());
        assertEquals(List.of(List.of("m-b", "m-c"), List.of("m-d", "m-e"), List.of("m-a")),
                drafts.stream().map(Draft::evidence).toList());
    }

    @Test
    void numbersThatNameNoGivenMemoryAreDropped() {
        List<Draft> drafts = parse("""
                Ada is kind to animals (because of 2, 9, 0, 2)
                Ada is secretly a dragon (because of 7, 12)
                """);
        assertEquals(List.of(new Draft("Ada is kind to animals.", List.of("m-b"))), drafts);
    }

    @Test
    void linesWithoutEvidenceOrWithoutASentenceAreNoInsight() {
        assertTrue(parse("""
                Ada is kind to animals.
                (because of 1, 2)
                Yes (because of 1)
                The old gate slowly opens, and the wind sings. Stone road river lantern
                """).isEmpty());
        assertTrue(parse(null).isEmpty());
        assertTrue(parse("").isEmpty());
    }

    @Test
    void atMostTheAskedNumberOfDistinctInsightsIsKept() {
        List<Draft> drafts = parse("""
                Ada likes swords (because of 1)
                ada likes swords (because of 2)
                Ada likes horses (because of 3)
                Ada likes bread (because of 4)
                Ada likes wine (because of 5)
                """);
        assertEquals(List.of("Ada likes swords.", "Ada likes horses.", "Ada likes bread."),
                drafts.stream().map(Draft::text).toList());
    }

    @Test
    void longInsightsAreCut() {
        String text = ReflectionParser.parse("Ada " + "very ".repeat(100) + "kind (because of 1)", IDS, 3, 40)
                .get(0).text();
        assertTrue(text.length() <= 41 && text.startsWith("Ada very"), text);
    }
}
