package com.langomni.orchestrator.game.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.langomni.api.outcome.Verb;
import com.langomni.orchestrator.game.world.WorldPackLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Natural phrasing with the Thornwall pack's lexicon: filler, questions, phrasal verbs, names that end. */
class NaturalParserTest {

    private final Parser parser = new Parser(Lexicon.of(WorldPackLoader.fromClasspath("world/pack.yaml")));

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "talk to Pip I am searching for the lantern, please remember that|TELL|pip|I am searching for the lantern, please remember that",
            "talk to the old man I am looking for the crown|TELL|old man|I am looking for the crown",
            "tell Marta Quill that the wolf is dead|TELL|marta quill|the wolf is dead",
            "talk to pip about the wolf|TALK|pip|wolf",
            "talk to Pip|TALK|pip|-",
            "talk to pip please|TALK|pip|-",
            "Pip, have you seen the lantern?|TALK|pip|have you seen the lantern?",
            "hello Pip|TALK|pip|-",
            "say hi to the urchin|TALK|urchin|-",
            "pip|TALK|pip|-",
            "ask Old Tobiah where the crown is|TALK|old tobiah|where crown is",
            "go talk to brannoc|TALK|brannoc|-",
            "I want to go north|GO|north|-",
            "please go to the forge|GO|forge|-",
            "let's head out through the palisade|GO|palisade|-",
            "I walk south|GO|south|-",
            "make my way to the forge|GO|forge|-",
            "go north and take the key|GO|north|-",
            "take a look at the well|EXAMINE|well|-",
            "have a look around|LOOK|-|-",
            "check out the old well|EXAMINE|old well|-",
            "pick up the loaf of bread please|TAKE|loaf of bread|-",
            "could I take the mug?|TAKE|mug|-",
            "look at the mortar and pestle|EXAMINE|mortar and pestle|-",
            "set down the hammer|DROP|hammer|-",
            "hand over the hammer to the smith|GIVE|hammer|smith",
            "swing at the rat|ATTACK|rat|-",
            "fight with the goblin|ATTACK|goblin|-",
            "drink from the vial|USE|vial|-",
            "what am I carrying?|INVENTORY|-|-",
            "what's here?|LOOK|-|-",
            "what can I do here?|HELP|-|-",
            "take it|TAKE|it|-",
            "I am the king|UNKNOWN|-|-"
    })
    void natural(String text, Verb verb, String target, String topic) {
        Intent intent = parser.parse(text);
        assertEquals(verb, intent.verb(), () -> "verb of '" + text + "'");
        assertEquals(target, intent.target(), () -> "target of '" + text + "'");
        assertEquals(topic, intent.topic(), () -> "topic of '" + text + "'");
        assertEquals(text, intent.raw());
    }
}
