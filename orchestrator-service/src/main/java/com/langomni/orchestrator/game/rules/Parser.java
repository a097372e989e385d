package com.langomni.orchestrator.game.rules;

import com.langomni.api.outcome.Verb;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a player typed into an {@link Intent}. Knows grammar, not the world: targets are returned as typed
 * (lower case, articles and punctuation dropped, directions canonical) and resolved by the {@link RulesEngine}.
 * Total: any input, however odd, yields an intent; what it cannot map is {@link Verb#UNKNOWN}.
 */
public final class Parser {

    /** Longer input is parsed by its start only; the pipeline caps actions far below this anyway. */
    static final int MAX_PARSED_CHARS = 2000;

    private static final Pattern SAY = Pattern.compile(
            "^(?:say|shout|yell|whisper|utter)\\b[\\s,:]*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** "tell brannoc (that) my sister is Mira": the NPC's name is one word, the rest is said as typed. */
    private static final Pattern TELL = Pattern.compile(
            "^tell\\s+(\\S+)[\\s,:]+(?:that\\s+)?(.+)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Set<String> HELP = Set.of("help", "h", "commands", "?");
    private static final Set<String> LOOK = Set.of("look", "l", "peer", "gaze", "glance");
    private static final Set<String> EXAMINE = Set.of("examine", "x", "inspect", "study", "read", "check",
            "search", "describe", "observe");
    private static final Set<String> INVENTORY = Set.of("inventory", "inv", "i", "invent");
    private static final Set<String> GO = Set.of("go", "move", "walk", "run", "head", "travel", "proceed", "climb",
            "crawl", "enter", "leave", "exit", "return", "flee", "ascend", "descend", "wander", "step");
    private static final Set<String> TAKE = Set.of("take", "get", "grab", "pick", "collect", "fetch", "loot");
    private static final Set<String> DROP = Set.of("drop", "discard", "put", "toss", "dump");
    private static final Set<String> SAY_WORDS = Set.of("say", "shout", "yell", "whisper", "utter");
    private static final Set<String> GREETINGS = Set.of("hello", "hi", "hey", "greetings", "howdy");
    private static final Set<String> TALK = Set.of("talk", "speak", "chat", "converse");
    private static final Set<String> ASK = Set.of("ask", "question", "tell", "inquire", "enquire");
    private static final Set<String> GREET = Set.of("greet", "hail", "salute", "wave");
    private static final Set<String> ATTACK = Set.of("attack", "kill", "fight", "hit", "strike", "stab", "slash",
            "punch", "kick", "smash", "slay", "bash", "murder", "shoot");
    private static final Set<String> USE = Set.of("use", "drink", "eat", "quaff", "consume", "apply");
    private static final Set<String> UNLOCK = Set.of("unlock", "open");
    private static final Set<String> GIVE = Set.of("give", "hand", "present");
    /** Party chat: "psay meet me at the ford", "party say ..."; the words keep their case. */
    private static final Pattern PSAY = Pattern.compile(
            "^(?:psay|party\\s+say)\\b[\\s,:]*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> DECLINE = Set.of("decline", "refuse", "reject");
    private static final Set<String> CANCEL = Set.of("cancel", "withdraw", "retract");
    private static final Set<String> GIVE_MARKERS = Set.of("to");
    private static final Set<String> QUESTS = Set.of("quests", "journal", "questlog");
    private static final Set<String> QUEST_LOG_WORDS = Set.of("log", "list", "journal", "book");

    private static final Set<String> LOOK_AROUND = Set.of("around", "here", "room", "about");
    private static final Set<String> LOOK_AT = Set.of("at", "in", "into", "inside", "on", "under", "behind");
    private static final Set<String> GO_PREPOSITIONS = Set.of("to", "toward", "towards", "through", "into", "onto",
            "back", "along", "across", "over", "via", "in", "inside", "out", "outside", "of", "up", "down");
    private static final Set<String> TALK_PREPOSITIONS = Set.of("to", "with", "at");
    private static final Set<String> TOPIC_MARKERS = Set.of("about", "regarding", "concerning", "for", "on");
    private static final Set<String> INSTRUMENT_MARKERS = Set.of("with", "using");
    private static final Set<String> USE_MARKERS = Set.of("on", "with", "at", "against", "upon");

    public Intent parse(String text) {
        String raw = text == null ? "" : text;
        String clean = clean(raw);
        if (clean.isEmpty()) {
            return intent(Verb.UNKNOWN, null, null, raw);
        }
        if (clean.charAt(0) == '\'' || clean.charAt(0) == '"') {
            return intent(Verb.SAY, null, spoken(clean.substring(1)), raw);
        }
        if (clean.equals("?")) {
            return intent(Verb.HELP, null, null, raw);
        }
        List<String> words = Names.words(clean);
        if (words.isEmpty()) {
            return intent(Verb.UNKNOWN, null, null, raw);
        }
        String verb = words.get(0);
        List<String> rest = words.subList(1, words.size());
        Intent social = social(verb, rest, clean, raw);
        if (social != null) {
            return social;
        }
        if (SAY_WORDS.contains(verb)) {
            Matcher m = SAY.matcher(clean);
            return intent(Verb.SAY, null, m.matches() ? spoken(m.group(1)) : null, raw);
        }
        Matcher tell = TELL.matcher(clean);
        if (tell.matches() && !TOPIC_MARKERS.contains(Names.normalize(tell.group(2)).split(" ")[0])) {
            return intent(Verb.TELL, Names.normalize(tell.group(1)), spoken(tell.group(2)), raw);
        }
        if (GREETINGS.contains(verb)) {
            return intent(Verb.SAY, null, spoken(clean), raw);
        }
        Intent intent = byVerb(verb, rest, raw);
        if (intent != null) {
            return intent;
        }
        return Directions.canonical(String.join(" ", words))
                .map(direction -> intent(Verb.GO, direction, null, raw))
                .orElseGet(() -> intent(Verb.UNKNOWN, null, null, raw));
    }

    private Intent byVerb(String verb, List<String> rest, String raw) {
        if (HELP.contains(verb)) {
            return intent(Verb.HELP, null, null, raw);
        }
        if (QUESTS.contains(verb) && (rest.isEmpty() || verb.equals("quests"))) {
            return intent(Verb.QUESTS, null, null, raw);
        }
        if (verb.equals("quest")) {
            // "quest" and "quest log" show the log; "quest the rat problem" one quest
            return rest.isEmpty() || (rest.size() == 1 && QUEST_LOG_WORDS.contains(rest.get(0)))
                    ? intent(Verb.QUESTS, null, null, raw)
                    : intent(Verb.QUEST, String.join(" ", rest), null, raw);
        }
        if (LOOK.contains(verb)) {
            return look(rest, raw);
        }
        if (EXAMINE.contains(verb)) {
            return examine(verb, rest, raw);
        }
        if (INVENTORY.contains(verb)) {
            return verb.equals("i") && !rest.isEmpty() ? null : intent(Verb.INVENTORY, null, null, raw);
        }
        if (GO.contains(verb)) {
            return intent(Verb.GO, destination(verb, rest), null, raw);
        }
        if (TAKE.contains(verb)) {
            return intent(Verb.TAKE, phrase(withoutParticle(rest, "up"), Set.of("from", "off", "out")), null, raw);
        }
        if (DROP.contains(verb)) {
            return intent(Verb.DROP, phrase(withoutParticle(rest, "down"), Set.of("on", "in", "into", "here")),
                    null, raw);
        }
        if (TALK.contains(verb)) {
            return split(Verb.TALK, stripLeading(rest, TALK_PREPOSITIONS), TOPIC_MARKERS, raw);
        }
        if (ASK.contains(verb)) {
            return ask(rest, raw);
        }
        if (GREET.contains(verb)) {
            return intent(Verb.TALK, phrase(stripLeading(rest, TALK_PREPOSITIONS), Set.of()), null, raw);
        }
        if (ATTACK.contains(verb)) {
            return split(Verb.ATTACK, rest, INSTRUMENT_MARKERS, raw);
        }
        if (USE.contains(verb)) {
            return split(Verb.USE, rest, USE_MARKERS, raw);
        }
        if (GIVE.contains(verb)) {
            // "give the ingot to Brannoc" names both; "give Brannoc the ingot" is split by the rules, which know names
            return split(Verb.GIVE, rest, GIVE_MARKERS, raw);
        }
        if (UNLOCK.contains(verb)) {
            // "unlock the door with the key" uses the key on the door
            Intent door = split(Verb.USE, rest, INSTRUMENT_MARKERS, raw);
            return intent(Verb.USE, door.topic(), door.target(), raw);
        }
        if (verb.equals("where") && rest.equals(List.of("am", "i"))) {
            return intent(Verb.LOOK, null, null, raw);
        }
        return null;
    }

    /**
     * Trading and parties. Player names are taken as typed (one word, letters, digits, _ and -), not through
     * {@link Names}, which would split "bo_2"; item phrases are normalised like any other. "offer the lantern to Bo
     * for the bread" has the item as target and "bo for bread" as topic (the rules split it at "for"). A bare
     * "leave" stays a move; "leave party" leaves the party.
     */
    private Intent social(String verb, List<String> rest, String clean, String raw) {
        Matcher psay = PSAY.matcher(clean);
        if (psay.matches()) {
            return intent(Verb.PSAY, null, spoken(psay.group(1)), raw);
        }
        List<String> tokens = nameTokens(clean);
        List<String> after = tokens.subList(1, tokens.size());
        return switch (verb) {
            case "offer" -> offer(after, raw);
            case "accept" -> intent(Verb.ACCEPT, playerName(after), null, raw);
            case "join" -> intent(Verb.JOIN, playerName(after), null, raw);
            case "invite" -> intent(Verb.INVITE, playerName(after), null, raw);
            case "party" -> rest.isEmpty() || rest.equals(List.of("members")) ? intent(Verb.PARTY, null, null, raw)
                    : rest.equals(List.of("leave")) ? intent(Verb.LEAVE, null, null, raw) : null;
            case "leave" -> rest.equals(List.of("party")) ? intent(Verb.LEAVE, null, null, raw) : null;
            default -> DECLINE.contains(verb) ? intent(Verb.DECLINE, playerName(after), null, raw)
                    : CANCEL.contains(verb) ? intent(Verb.CANCEL, null, null, raw) : null;
        };
    }

    private Intent offer(List<String> tokens, String raw) {
        int to = tokens.indexOf("to");
        if (to < 0) {
            return intent(Verb.OFFER, nullIfBlank(Names.normalize(String.join(" ", tokens))), null, raw);
        }
        String item = nullIfBlank(Names.normalize(String.join(" ", tokens.subList(0, to))));
        List<String> rest = tokens.subList(to + 1, tokens.size());
        if (rest.isEmpty()) {
            return intent(Verb.OFFER, item, null, raw);
        }
        int forAt = rest.indexOf("for");
        String wanted = forAt < 0 ? "" : Names.normalize(String.join(" ", rest.subList(forAt + 1, rest.size())));
        String name = playerName(forAt < 0 ? rest : rest.subList(0, forAt));
        if (name == null) {
            return intent(Verb.OFFER, item, null, raw);
        }
        return intent(Verb.OFFER, item, wanted.isEmpty() ? name : name + " for " + wanted, raw);
    }

    /** Lower-case words split at spaces only, with punctuation around each trimmed ("bo_2," is "bo_2"). */
    private static List<String> nameTokens(String clean) {
        List<String> tokens = new java.util.ArrayList<>();
        for (String word : clean.toLowerCase(java.util.Locale.ROOT).split(" ")) {
            String trimmed = word.replaceAll("^[^\\p{L}\\p{N}_-]+|[^\\p{L}\\p{N}_-]+$", "");
            if (!trimmed.isEmpty()) {
                tokens.add(trimmed);
            }
        }
        return tokens;
    }

    /** A player's name: the first word that is no article or filler ("accept the offer from Bo": "bo"). */
    private static String playerName(List<String> tokens) {
        for (String token : tokens) {
            if (!Names.ARTICLES.contains(token) && !PLAYER_FILLERS.contains(token)) {
                return token.endsWith("'s") ? token.substring(0, token.length() - 2) : token;
            }
        }
        return null;
    }

    private static final Set<String> PLAYER_FILLERS = Set.of("offer", "from", "of", "party", "invitation", "invite",
            "to", "with", "s", "'s", "trade");

    private static String nullIfBlank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private Intent look(List<String> rest, String raw) {
        if (rest.isEmpty() || (rest.size() == 1 && LOOK_AROUND.contains(rest.get(0)))) {
            return intent(Verb.LOOK, null, null, raw);
        }
        return intent(Verb.EXAMINE, directionOrPhrase(stripLeading(rest, LOOK_AT)), null, raw);
    }

    private Intent examine(String verb, List<String> rest, String raw) {
        if (rest.isEmpty()) {
            return verb.equals("search") ? intent(Verb.LOOK, null, null, raw) : intent(Verb.EXAMINE, null, null, raw);
        }
        if (verb.equals("check") && INVENTORY.contains(rest.get(rest.size() - 1))) {
            return intent(Verb.INVENTORY, null, null, raw);
        }
        return intent(Verb.EXAMINE, directionOrPhrase(stripLeading(rest, LOOK_AT)), null, raw);
    }

    private Intent ask(List<String> rest, String raw) {
        if (!rest.isEmpty() && TOPIC_MARKERS.contains(rest.get(0))) {
            return intent(Verb.TALK, null, phrase(rest.subList(1, rest.size()), Set.of()), raw);
        }
        Intent split = split(Verb.TALK, rest, TOPIC_MARKERS, raw);
        if (split.topic() != null || rest.size() < 2) {
            return split;
        }
        // "ask smith where the ruins are": the first word names the NPC, the rest is the question
        return intent(Verb.TALK, rest.get(0), phrase(rest.subList(1, rest.size()), Set.of()), raw);
    }

    private String destination(String verb, List<String> rest) {
        List<String> place = rest;
        while (place.size() > 1 && GO_PREPOSITIONS.contains(place.get(0))
                && Directions.canonical(String.join(" ", place)).isEmpty()) {
            place = place.subList(1, place.size());
        }
        if (place.size() == 1 && (place.get(0).equals("to") || place.get(0).equals("back"))) {
            place = List.of();
        }
        if (place.isEmpty()) {
            return switch (verb) {
                case "enter" -> "in";
                case "leave", "exit" -> "out";
                case "ascend", "climb" -> "up";
                case "descend" -> "down";
                default -> null;
            };
        }
        return directionOrPhrase(place);
    }

    /** Splits "X marker Y" at the first marker word into target X and topic Y. */
    private Intent split(Verb verb, List<String> words, Set<String> markers, String raw) {
        for (int i = 0; i < words.size(); i++) {
            if (markers.contains(words.get(i))) {
                return intent(verb, phrase(words.subList(0, i), Set.of()),
                        phrase(words.subList(i + 1, words.size()), Set.of()), raw);
            }
        }
        return intent(verb, phrase(words, Set.of()), null, raw);
    }

    /** "pick up the sword" and "pick the sword up" both take "sword". */
    private static List<String> withoutParticle(List<String> words, String particle) {
        if (words.equals(List.of(particle))) {
            return List.of();
        }
        if (words.size() > 1 && words.get(0).equals(particle)) {
            return words.subList(1, words.size());
        }
        if (words.size() > 1 && words.get(words.size() - 1).equals(particle)) {
            return words.subList(0, words.size() - 1);
        }
        return words;
    }

    private static List<String> stripLeading(List<String> words, Set<String> prepositions) {
        List<String> result = words;
        while (!result.isEmpty() && prepositions.contains(result.get(0))) {
            result = result.subList(1, result.size());
        }
        return result;
    }

    /** The words up to the first of {@code stopWords} ("sword from the rack" -> "sword"), or null when none. */
    private static String phrase(List<String> words, Set<String> stopWords) {
        int end = 0;
        while (end < words.size() && (end == 0 || !stopWords.contains(words.get(end)))) {
            end++;
        }
        return end == 0 ? null : String.join(" ", words.subList(0, end));
    }

    private static String directionOrPhrase(List<String> words) {
        String joined = String.join(" ", words);
        return joined.isEmpty() ? null : Directions.canonical(joined).orElse(joined);
    }

    /** Words said aloud keep their case; only surrounding quotes and spaces go. */
    private static String spoken(String text) {
        String said = text.strip();
        while (!said.isEmpty() && (said.endsWith("\"") || said.endsWith("'"))) {
            said = said.substring(0, said.length() - 1).strip();
        }
        while (!said.isEmpty() && (said.startsWith("\"") || said.startsWith("'"))) {
            said = said.substring(1).strip();
        }
        return said.isEmpty() ? null : said;
    }

    private static String clean(String raw) {
        String head = raw.length() > MAX_PARSED_CHARS ? raw.substring(0, MAX_PARSED_CHARS) : raw;
        return SPACES.matcher(CONTROL.matcher(head).replaceAll(" ")).replaceAll(" ").strip();
    }

    private static Intent intent(Verb verb, String target, String topic, String raw) {
        return new Intent(verb, target, topic, raw);
    }
}
