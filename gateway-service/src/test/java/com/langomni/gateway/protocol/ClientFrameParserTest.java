package com.langomni.gateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.game.ActionRequest;

class ClientFrameParserTest {

    private final ClientFrameParser parser = new ClientFrameParser(new ObjectMapper());

    @Test
    void readsAPing() {
        assertInstanceOf(ClientFrame.Ping.class, parser.parse("{\"type\":\"ping\"}"));
    }

    @Test
    void readsAnActionAndIgnoresUnknownFields() {
        ClientFrame frame = parser.parse("{\"type\":\"action\",\"id\":\"a1\",\"text\":\"go north\",\"extra\":true}");

        assertEquals(new ActionRequest("a1", "go north"), assertInstanceOf(ClientFrame.Action.class, frame).request());
    }

    @Test
    void acceptsAnIdOfSixtyFourCharacters() {
        String id = "i".repeat(64);
        ClientFrame frame = parser.parse("{\"type\":\"action\",\"id\":\"" + id + "\",\"text\":\"look\"}");

        assertEquals(id, assertInstanceOf(ClientFrame.Action.class, frame).request().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not json", "{\"type\":", "null", "42", "\"ping\"", "[{\"type\":\"ping\"}]",
            "{}", "{\"type\":null}", "{\"type\":[\"ping\"]}", "{\"type\":\"PING\"}", "{\"type\":\"pong\"}",
            "{\"type\":\"action\",\"text\":\"look\"}",
            "{\"type\":\"action\",\"id\":\"\",\"text\":\"look\"}",
            "{\"type\":\"action\",\"id\":{\"a\":1},\"text\":\"look\"}",
            "{\"type\":\"action\",\"id\":\"a1\",\"text\":null}",
            "{\"type\":\"action\",\"id\":\"a1\",\"text\":17}",
            "{\"type\":\"action\",\"id\":\"a1\",\"text\":\"\\t \\n\"}",
    })
    void refusesFramesItCannotUse(String text) {
        ClientFrame.Invalid invalid = assertInstanceOf(ClientFrame.Invalid.class, parser.parse(text));

        assertTrue(invalid.message().length() > 10, "explains what is wrong: " + invalid.message());
    }

    @Test
    void refusesAnIdOverSixtyFourCharactersWithoutEchoingIt() {
        ClientFrame frame = parser.parse("{\"type\":\"action\",\"id\":\"" + "i".repeat(65) + "\",\"text\":\"look\"}");

        assertNull(assertInstanceOf(ClientFrame.Invalid.class, frame).actionId());
    }

    @Test
    void keepsTheActionIdWhenOnlyTheTextIsMissing() {
        ClientFrame frame = parser.parse("{\"type\":\"action\",\"id\":\"a9\"}");

        assertEquals("a9", assertInstanceOf(ClientFrame.Invalid.class, frame).actionId());
    }

    @Test
    void truncatesAnUnknownTypeInTheMessage() {
        ClientFrame frame = parser.parse("{\"type\":\"" + "t".repeat(1000) + "\"}");

        assertTrue(assertInstanceOf(ClientFrame.Invalid.class, frame).message().length() < 200);
    }
}
