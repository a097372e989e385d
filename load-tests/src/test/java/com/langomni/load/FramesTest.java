package com.langomni.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class FramesTest {
    private static final String RESULT = """
            {"type":"result","actionId":"a3","text":"You go north.","source":"rules",
             "player":{"id":"p1","name":"Ada","locationId":"gate","hp":10,"maxHp":10,
                       "inventory":[{"id":"i1","name":"rusty key"}]},
             "location":{"id":"gate","name":"The Gate","description":"…",
                         "exits":[{"direction":"south","to":"square","name":"Square","locked":false},
                                  {"direction":"north","to":"keep","name":"Keep","locked":true}],
                         "items":[{"id":"i2","name":"torch"}],
                         "npcs":[{"id":"n1","name":"Brannoc","title":"smith"}],
                         "creatures":[{"id":"c1","name":"wolf","hp":5,"maxHp":5,"hostile":true}],
                         "players":[{"id":"p1","name":"Ada"}]}}""";

    @Test
    void anActionFrameIsTheProtocolsShape() {
        assertEquals("{\"type\":\"action\",\"id\":\"a1\",\"text\":\"say \\\"hi\\\"\"}",
                Frames.action("a1", "say \"hi\""));
    }

    @Test
    void outcomesNameRefusalsByCode() {
        assertEquals("ok", Frames.outcome(RESULT));
        assertEquals("ok", Frames.outcome("{\"type\":\"welcome\",\"player\":{},\"location\":{}}"));
        assertEquals("refused busy",
                Frames.outcome("{\"type\":\"error\",\"actionId\":\"a1\",\"code\":\"busy\",\"message\":\"…\"}"));
        assertEquals("unexpected narration", Frames.outcome("{\"type\":\"narration\",\"actionId\":\"a1\"}"));
        assertEquals("unexpected frame", Frames.outcome("not json"));
        assertEquals("rate_limited", Frames.errorCode("{\"type\":\"error\",\"code\":\"rate_limited\"}"));
        assertNull(Frames.errorCode(RESULT));
    }

    @Test
    void theViewOffersOpenExitsAndWhatIsThere() {
        Frames.View v = Frames.view(RESULT);
        assertEquals("gate", v.locationId());
        assertEquals(List.of("south"), v.exits(), "a locked exit is no choice");
        assertEquals(List.of("torch"), v.items());
        assertEquals(List.of("torch", "Brannoc", "wolf"), v.things());
        assertEquals(List.of("Brannoc"), v.npcs(), "whom a player may talk to");
        assertEquals(List.of("rusty key"), v.inventory());
        assertNull(Frames.view("{\"type\":\"error\",\"code\":\"busy\"}"));
    }

    @Test
    void sayEventsAreRecognised() {
        assertEquals("Ada says, \"bc 3 1700000000000\"", Frames.sayEventText(
                "{\"type\":\"event\",\"kind\":\"say\",\"from\":\"Ada\",\"text\":\"Ada says, \\\"bc 3 1700000000000\\\"\"}"));
        assertNull(Frames.sayEventText("{\"type\":\"event\",\"kind\":\"arrived\",\"from\":\"Ada\",\"text\":\"…\"}"));
        assertNull(Frames.sayEventText("{\"type\":\"narration\",\"actionId\":\"a1\",\"delta\":\"event\"}"));
    }
}
