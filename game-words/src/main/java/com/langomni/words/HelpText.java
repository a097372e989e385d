package com.langomni.words;

import com.langomni.api.outcome.Verb;
import java.util.ArrayList;
import java.util.List;

/**
 * The command list a player gets for "help" (the web client and the terminal client show it as sent): one entry
 * per verb, in the order of {@link Verb}, so a new verb cannot be added without deciding how it is announced.
 */
public final class HelpText {

    /** Natural phrasing: the parser folds it, and what it cannot map an LLM may match to a legal action. */
    static final List<String> NATURAL = List.of(
            "You can also just say what you mean: \"pick up the lantern\", \"go to the forge\",",
            "  \"talk to Pip I am looking for my sister\", \"have a look at the well\", \"take it\" (the last thing",
            "  you named). What is not understood gets a few suggestions of what you can do here.");

    /** The whole list, line breaks kept. */
    public static final String TEXT = text();

    private HelpText() {
    }

    private static String text() {
        List<String> lines = new ArrayList<>();
        lines.add("Things you can do:");
        for (Verb verb : Verb.values()) {
            lines.addAll(lines(verb));
        }
        lines.addAll(NATURAL);
        return String.join("\n", lines);
    }

    /** The help lines of one verb; none for a verb announced with another (drop with take) or not at all. */
    static List<String> lines(Verb verb) {
        return switch (verb) {
            case LOOK -> List.of("  look (l)                        look around");
            case GO -> List.of("  go <direction or exit> (n, s, e, w, ne, nw, se, sw, u, d)",
                    "                                  move: \"go north\", \"n\", \"go through the gate\"");
            case TAKE -> List.of("  take <item>, drop <item>        pick things up, put them down");
            case DROP -> List.of();
            case INVENTORY -> List.of("  inventory (i)                   what you carry and how you fare");
            case EXAMINE -> List.of("  examine <thing> (x)             a closer look at an item, person, creature or exit");
            case SAY -> List.of("  say <words> ('words)            speak to everyone here");
            case TALK -> List.of("  talk to <someone>, ask <someone> about <topic>, greet <someone>");
            case TELL -> List.of("  tell <someone> <words>          tell an NPC something; they remember it");
            case ATTACK -> List.of("  attack <creature> [with <weapon>]");
            case USE -> List.of("  use <item> [on <exit>]          drink a potion, eat herbs, unlock a door");
            case GIVE -> List.of("  give <item> to <someone>        hand something over for good");
            case HELP -> List.of("  help (?)                        this list");
            case QUESTS -> List.of("  quests (journal)                your quest log; talk to people to be given quests");
            case QUEST -> List.of("  quest <name>                    one quest in detail: its steps and rewards");
            case OFFER -> List.of("  offer <item> to <player> [for <item>]  propose a trade to a player here");
            case ACCEPT -> List.of("  accept [player]                 take an offer made to you (both of you here)");
            case DECLINE -> List.of("  decline [player]                turn an offer down");
            case CANCEL -> List.of("  cancel                          withdraw your own offer");
            case INVITE -> List.of("  invite <player>                 ask a player into your party");
            case JOIN -> List.of("  join [player]                   accept a party invitation");
            case LEAVE -> List.of("  leave party                     leave your party");
            case PARTY -> List.of("  party                           who is in your party and where");
            case PSAY -> List.of("  psay <words> (party say)        talk to your party, wherever they are");
            case UNKNOWN -> List.of();
        };
    }
}
