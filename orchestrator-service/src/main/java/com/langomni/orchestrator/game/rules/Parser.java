package com.langomni.orchestrator.game.rules;

import com.langomni.api.outcome.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a player typed into an {@link Intent}. Knows grammar, not the world: targets are returned as typed
 * (lower case, articles and punctuation dropped, directions canonical) and resolved by the {@link RulesEngine}.
 * The {@link Lexicon} of authored names only tells it where a name ends ("talk to Pip I am looking for the
 * lantern": Pip, then what is said to Pip). Total: any input, however odd, yields an intent; what it cannot map is
 * {@link Verb#UNKNOWN}.
 * <p>
 * Natural phrasing is folded in three steps before the grammar runs: leading filler ("please", "I want to",
 * "let me"...) is dropped, whole questions map to a verb ("what am I carrying?"), and phrasal verbs are rewritten
 * to one word ("take a look at" is "examine", "set down" is "drop"). Adding a verb is one {@code grammar(...)} line
 * in {@link #grammars()} with its word set, and its phrasings in {@link #PHRASAL} or {@link #QUESTIONS}.
 */
public final class Parser {

    /** Longer input is parsed by its start only; the pipeline caps actions far below this anyway. */
    static final int MAX_PARSED_CHARS = 2000;

    /** The words that stand for the last thing the player referred to; replaced outside the rules. */
    public static final Set<String> PRONOUNS = Set.of("it", "him", "her", "them");

    private static final Pattern SAY = Pattern.compile(
            "^(?:say|shout|yell|whisper|utter)\\b[\\s,:]*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** "tell brannoc (that) my sister is Mira": the NPC's name is one word, the rest is said as typed. */
    private static final Pattern TELL = Pattern.compile(
            "^tell\\s+(\\S+)[\\s,:]+(?:that\\s+)?(.+)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s,:;.!\\-–—]+(?:(?i:that)\\s+)?");

    private static final Set<String> HELP = Set.of("help", "h", "commands", "?", "hint", "hints");
    private static final Set<String> LOOK = Set.of("look", "l", "peer", "gaze", "glance", "survey", "peek");
    private static final Set<String> EXAMINE = Set.of("examine", "x", "inspect", "study", "read", "check",
            "search", "describe", "observe", "investigate", "scrutinize", "scrutinise", "view", "peruse", "smell",
            "sniff", "touch", "listen", "watch", "regard", "eye");
    private static final Set<String> INVENTORY = Set.of("inventory", "inv", "i", "invent", "pack", "bag",
            "backpack", "belongings", "possessions", "items", "stuff", "gear");
    private static final Set<String> GO = Set.of("go", "move", "walk", "run", "head", "travel", "proceed", "climb",
            "crawl", "enter", "leave", "exit", "return", "flee", "ascend", "descend", "wander", "step", "visit",
            "hike", "march", "stroll", "sneak", "hurry", "dash", "jog", "venture", "amble", "saunter", "trek",
            "sprint", "journey", "retreat", "escape", "come", "ride", "navigate", "back", "follow", "squeeze",
            "clamber", "scramble", "slip");
    private static final Set<String> TAKE = Set.of("take", "get", "grab", "pick", "collect", "fetch", "loot",
            "snatch", "lift", "obtain", "acquire", "steal", "gather", "pocket", "nab", "seize", "pluck", "retrieve");
    private static final Set<String> DROP = Set.of("drop", "discard", "put", "toss", "dump", "ditch", "abandon",
            "lay", "set", "throw");
    private static final Set<String> SAY_WORDS = Set.of("say", "shout", "yell", "whisper", "utter");
    private static final Set<String> GREETINGS = Set.of("hello", "hi", "hey", "greetings", "howdy");
    private static final Set<String> TALK = Set.of("talk", "speak", "chat", "converse", "address");
    private static final Set<String> ASK = Set.of("ask", "question", "tell", "inquire", "enquire", "query");
    private static final Set<String> GREET = Set.of("greet", "hail", "salute", "wave", "nod", "bow", "welcome");
    private static final Set<String> ATTACK = Set.of("attack", "kill", "fight", "hit", "strike", "stab", "slash",
            "punch", "kick", "smash", "slay", "bash", "murder", "shoot", "swing", "charge", "assault", "battle",
            "engage", "wound", "hack", "pummel", "beat", "crush", "lunge", "pierce", "impale", "whack", "destroy",
            "defeat", "ambush", "hunt", "cut", "chop");
    private static final Set<String> USE = Set.of("use", "drink", "eat", "quaff", "consume", "apply", "sip",
            "swallow", "devour", "munch", "nibble", "wield", "equip", "employ", "activate");
    private static final Set<String> UNLOCK = Set.of("unlock", "open", "unbolt");
    private static final Set<String> GIVE = Set.of("give", "hand", "present", "donate", "pass", "deliver");
    private static final Set<String> GIVE_MARKERS = Set.of("to");
    /** Party chat: "psay meet me at the ford", "party say ..."; the words keep their case. */
    private static final Pattern PSAY = Pattern.compile(
            "^(?:psay|party\\s+say)\\b[\\s,:]*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> DECLINE = Set.of("decline", "refuse", "reject");
    private static final Set<String> CANCEL = Set.of("cancel", "withdraw", "retract");
    private static final Set<String> QUESTS = Set.of("quests", "journal", "questlog");
    private static final Set<String> QUEST_LOG_WORDS = Set.of("log", "list", "journal", "book");

    private static final Set<String> LOOK_AROUND = Set.of("around", "here", "room", "about", "place", "area");
    private static final Set<String> LOOK_AT = Set.of("at", "in", "into", "inside", "on", "under", "behind",
            "closely", "carefully", "over");
    private static final Set<String> GO_PREPOSITIONS = Set.of("to", "toward", "towards", "through", "into", "onto",
            "back", "along", "across", "over", "via", "in", "inside", "out", "outside", "of", "up", "down");
    private static final Set<String> TALK_PREPOSITIONS = Set.of("to", "with", "at");
    private static final Set<String> ATTACK_PREPOSITIONS = Set.of("at", "on", "against", "upon", "with");
    private static final Set<String> TOPIC_MARKERS = Set.of("about", "regarding", "concerning", "for", "on");
    private static final Set<String> INSTRUMENT_MARKERS = Set.of("with", "using");
    private static final Set<String> USE_MARKERS = Set.of("on", "with", "at", "against", "upon");
    private static final Set<String> USE_LEADING = Set.of("from", "on", "at");
    /** Words that end a target phrase when they trail it: "take the dagger please". */
    private static final Set<String> TRAILING = Set.of("please", "now", "again", "quickly", "carefully",
            "slowly", "quietly", "immediately", "too");

    /** Leading filler, as words without articles ("I'd like to" is i d like to); dropped, longest first. */
    private static final List<List<String>> FILLERS = words(
            "please", "pls", "plz", "kindly", "ok", "okay", "so", "then", "now", "just", "quickly", "carefully",
            "slowly", "quietly", "i want to", "i wanna", "i would like to", "i d like to", "id like to",
            "i want", "let me", "let s", "lets", "can i", "could i", "may i", "can you", "could you", "would you",
            "will you", "i will", "i ll", "i shall", "i try to", "try to", "attempt to", "i attempt to",
            "i m going to", "i am going to", "i m gonna", "gonna", "i need to", "need to", "i should", "i must",
            "go and", "and", "i decide to", "decide to", "i carefully", "i quickly", "i slowly");

    /** Whole questions and set phrases, as words without articles, and the verb they ask for. */
    private static final Map<String, Verb> QUESTIONS = questions();

    /** Phrasal verbs rewritten to one verb word before the grammar runs. */
    private static final Map<List<String>, String> PHRASAL = phrasal();

    /** The grammar of each verb word. */
    private final Map<String, Grammar> grammars = grammars();
    private final Lexicon names;

    /** The grammar of one verb: what follows the verb word, to an intent; null when it is no such action. */
    @FunctionalInterface
    private interface Grammar {
        Intent parse(String verb, Sentence sentence, List<String> rest, String raw);
    }

    public Parser() {
        this(Lexicon.EMPTY);
    }

    public Parser(Lexicon names) {
        this.names = names;
    }

    private Map<String, Grammar> grammars() {
        Map<String, Grammar> g = new HashMap<>();
        grammar(g, HELP, (verb, s, rest, raw) -> intent(Verb.HELP, null, null, raw));
        grammar(g, LOOK, (verb, s, rest, raw) -> look(rest, raw));
        grammar(g, EXAMINE, this::examine);
        grammar(g, INVENTORY, (verb, s, rest, raw) -> rest.isEmpty() || (verb.equals("inventory") || verb.equals("inv")
                || verb.equals("invent")) ? intent(Verb.INVENTORY, null, null, raw) : null);
        grammar(g, GO, (verb, s, rest, raw) -> intent(Verb.GO, destination(verb, rest), null, raw));
        grammar(g, TAKE, (verb, s, rest, raw) -> intent(Verb.TAKE,
                phrase(withoutParticle(rest, "up"), Set.of("from", "off", "out")), null, raw));
        grammar(g, DROP, (verb, s, rest, raw) -> intent(Verb.DROP,
                phrase(withoutParticle(withoutParticle(rest, "down"), "away"), Set.of("on", "in", "into", "here")),
                null, raw));
        grammar(g, TALK, this::talk);
        grammar(g, ASK, this::ask);
        grammar(g, GREET, (verb, s, rest, raw) -> intent(Verb.TALK,
                phrase(stripLeading(rest, TALK_PREPOSITIONS), Set.of()), null, raw));
        grammar(g, ATTACK, (verb, s, rest, raw) -> split(Verb.ATTACK,
                stripLeading(rest, ATTACK_PREPOSITIONS), INSTRUMENT_MARKERS, raw));
        grammar(g, USE, (verb, s, rest, raw) -> split(Verb.USE, stripLeading(rest, USE_LEADING), USE_MARKERS, raw));
        // "give the ingot to Brannoc" names both; "give Brannoc the ingot" is split by the rules, which know names
        grammar(g, GIVE, (verb, s, rest, raw) -> split(Verb.GIVE, rest, GIVE_MARKERS, raw));
        grammar(g, UNLOCK, (verb, s, rest, raw) -> {
            // "unlock the door with the key" uses the key on the door
            Intent door = split(Verb.USE, rest, INSTRUMENT_MARKERS, raw);
            return intent(Verb.USE, door.topic(), door.target(), raw);
        });
        return Map.copyOf(g);
    }

    private static void grammar(Map<String, Grammar> into, Set<String> words, Grammar grammar) {
        words.forEach(word -> into.put(word, grammar));
    }

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
        Sentence sentence = Sentence.of(withoutFiller(clean));
        List<String> words = sentence.words();
        if (words.isEmpty()) {
            return intent(Verb.UNKNOWN, null, null, raw);
        }
        Verb asked = QUESTIONS.get(String.join(" ", words));
        if (asked != null) {
            return intent(asked, null, null, raw);
        }
        words = rewritePhrasal(words);
        String verb = words.get(0);
        List<String> rest = words.subList(1, words.size());
        Intent social = social(verb, rest, sentence.text(), raw);
        if (social != null) {
            return social;
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
        if (SAY_WORDS.contains(verb)) {
            Matcher m = SAY.matcher(sentence.text());
            return intent(Verb.SAY, null, m.matches() ? spoken(m.group(1)) : null, raw);
        }
        if (verb.equals("tell")) {
            Intent told = toldByName(sentence, rest, raw);
            if (told != null) {
                return told;
            }
            Matcher tell = TELL.matcher(sentence.text());
            if (tell.matches() && !TOPIC_MARKERS.contains(Names.normalize(tell.group(2)).split(" ")[0])) {
                return intent(Verb.TELL, Names.normalize(tell.group(1)), spoken(tell.group(2)), raw);
            }
        }
        if (GREETINGS.contains(verb)) {
            List<String> who = stripLeading(rest, TALK_PREPOSITIONS);
            return !who.isEmpty() && names.personAtStart(who) == who.size()
                    ? intent(Verb.TALK, String.join(" ", who), null, raw)
                    : intent(Verb.SAY, null, spoken(sentence.text()), raw);
        }
        Grammar grammar = grammars.get(verb);
        Intent intent = grammar == null ? null : grammar.parse(verb, sentence, rest, raw);
        if (intent != null) {
            return intent;
        }
        if (verb.equals("where") && (rest.equals(List.of("am", "i")) || rest.equals(List.of("i", "am")))) {
            return intent(Verb.LOOK, null, null, raw);
        }
        Intent addressed = addressed(sentence, words, raw);
        if (addressed != null) {
            return addressed;
        }
        return Directions.canonical(String.join(" ", trimTrailing(words)))
                .map(direction -> intent(Verb.GO, direction, null, raw))
                .orElseGet(() -> intent(Verb.UNKNOWN, null, null, raw));
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

    /** "Pip" talks to Pip; "Pip, have you seen the lantern?" asks Pip about it. */
    private Intent addressed(Sentence sentence, List<String> words, String raw) {
        int k = names.personAtStart(words);
        if (k == 0) {
            return null;
        }
        if (k == words.size()) {
            return intent(Verb.TALK, String.join(" ", words), null, raw);
        }
        String after = sentence.after(sentence.words().size() - words.size() + k - 1);
        return after.startsWith(",") || after.startsWith(":")
                ? intent(Verb.TALK, String.join(" ", words.subList(0, k)), spoken(strip(after)), raw)
                : null;
    }

    private Intent look(List<String> rest, String raw) {
        List<String> what = trimTrailing(rest);
        if (what.isEmpty() || (what.size() == 1 && LOOK_AROUND.contains(what.get(0)))) {
            return intent(Verb.LOOK, null, null, raw);
        }
        return intent(Verb.EXAMINE, directionOrPhrase(trimTrailing(stripLeading(what, LOOK_AT))), null, raw);
    }

    private Intent examine(String verb, Sentence sentence, List<String> rest, String raw) {
        if (rest.isEmpty()) {
            return verb.equals("search") ? intent(Verb.LOOK, null, null, raw) : intent(Verb.EXAMINE, null, null, raw);
        }
        if (verb.equals("check") && INVENTORY.contains(rest.get(rest.size() - 1))) {
            return intent(Verb.INVENTORY, null, null, raw);
        }
        List<String> what = trimTrailing(stripLeading(rest, LOOK_AT));
        if (what.size() == 1 && LOOK_AROUND.contains(what.get(0)) && !verb.equals("examine") && !verb.equals("x")) {
            return intent(Verb.LOOK, null, null, raw);
        }
        return intent(Verb.EXAMINE, directionOrPhrase(what), null, raw);
    }

    /**
     * "talk to the smith about swords" asks about swords; "talk to Pip I am searching for the lantern" says the
     * rest to Pip as typed (a TELL), when the lexicon knows where the name ends.
     */
    private Intent talk(String verb, Sentence sentence, List<String> rest, String raw) {
        List<String> who = stripLeading(rest, TALK_PREPOSITIONS);
        Intent told = toldByName(sentence, who, raw);
        return told != null ? told : split(Verb.TALK, trimTrailing(who), TOPIC_MARKERS, raw);
    }

    /** A person's name, then words that are not a topic: those words are said to them as typed. */
    private Intent toldByName(Sentence sentence, List<String> who, String raw) {
        int k = names.personAtStart(who);
        if (k == 0 || k == who.size() || TOPIC_MARKERS.contains(who.get(k))
                || TRAILING.containsAll(who.subList(k, who.size()))) {
            return null;
        }
        String said = spoken(strip(sentence.after(sentence.words().size() - who.size() + k - 1)));
        return said == null ? null : intent(Verb.TELL, String.join(" ", who.subList(0, k)), said, raw);
    }

    private Intent ask(String verb, Sentence sentence, List<String> rest, String raw) {
        if (!rest.isEmpty() && TOPIC_MARKERS.contains(rest.get(0))) {
            return intent(Verb.TALK, null, phrase(rest.subList(1, rest.size()), Set.of()), raw);
        }
        Intent split = split(Verb.TALK, rest, TOPIC_MARKERS, raw);
        if (split.topic() != null || rest.size() < 2) {
            return split;
        }
        // "ask smith where the ruins are": the NPC's name (one word unless the lexicon knows a longer one), then
        // the question
        int k = Math.max(1, names.personAtStart(rest));
        if (k >= rest.size()) {
            return split;
        }
        return intent(Verb.TALK, String.join(" ", rest.subList(0, k)), phrase(rest.subList(k, rest.size()), Set.of()),
                raw);
    }

    private String destination(String verb, List<String> rest) {
        List<String> place = cutAtNextAction(trimTrailing(rest));
        // "leave the inn", "exit the chapel": out of where one is (a way through something keeps its preposition)
        if ((verb.equals("leave") || verb.equals("exit")) && !place.isEmpty()
                && !GO_PREPOSITIONS.contains(place.get(0)) && Directions.canonical(String.join(" ", place)).isEmpty()) {
            return "out";
        }
        // "follow the path to the cottage": where it leads; "follow the lane north": the direction named last
        int to = Math.max(place.lastIndexOf("to"), Math.max(place.lastIndexOf("towards"), place.lastIndexOf("toward")));
        if (to > 0 && to < place.size() - 1) {
            place = place.subList(to + 1, place.size());
        }
        if (place.size() > 1 && Directions.canonical(place.get(place.size() - 1)).isPresent()
                && Directions.canonical(String.join(" ", place)).isEmpty()
                && !GO_PREPOSITIONS.contains(place.get(place.size() - 1))) {
            return Directions.canonical(place.get(place.size() - 1)).orElseThrow();
        }
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
                case "leave", "exit", "escape" -> "out";
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

    /** "go north and take the key": only the first action is taken ("mortar and pestle" stays one name). */
    private List<String> cutAtNextAction(List<String> words) {
        for (int i = 1; i + 1 < words.size(); i++) {
            String word = words.get(i);
            if ((word.equals("and") && grammars.containsKey(words.get(i + 1))) || word.equals("then")) {
                return words.subList(0, i);
            }
        }
        return words;
    }

    private static List<String> rewritePhrasal(List<String> words) {
        for (int n = Math.min(4, words.size()); n > 1; n--) {
            String verb = PHRASAL.get(words.subList(0, n));
            if (verb != null) {
                List<String> rewritten = new ArrayList<>();
                rewritten.add(verb);
                rewritten.addAll(words.subList(n, words.size()));
                return rewritten;
            }
        }
        return words;
    }

    /** The text without leading filler ("please", "I want to"), from its first word that is not filler. */
    private String withoutFiller(String clean) {
        Sentence sentence = Sentence.of(clean);
        List<String> words = sentence.words();
        int from = 0;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (List<String> filler : FILLERS) {
                int end = from + filler.size();
                if (end < words.size() && words.subList(from, end).equals(filler)) {
                    from = end;
                    stripped = true;
                    break;
                }
            }
            // "I walk south", "I take the bread": the player narrating their own action
            if (from + 1 < words.size() && words.get(from).equals("i") && grammars.containsKey(words.get(from + 1))
                    && !INVENTORY.contains(words.get(from + 1))) {
                from++;
                stripped = true;
            }
            // "go talk to Pip", "go and take the key": go only leads to the action
            if (from + 1 < words.size() && words.get(from).equals("go") && grammars.containsKey(words.get(from + 1))
                    && !GO.contains(words.get(from + 1)) && !INVENTORY.contains(words.get(from + 1))) {
                from++;
                stripped = true;
            }
        }
        return from == 0 ? clean : sentence.textFrom(from);
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

    private static List<String> trimTrailing(List<String> words) {
        List<String> result = words;
        while (result.size() > 1 && TRAILING.contains(result.get(result.size() - 1))) {
            result = result.subList(0, result.size() - 1);
        }
        return result;
    }

    /** The words up to the first of {@code stopWords} ("sword from the rack" -> "sword"), or null when none. */
    private String phrase(List<String> words, Set<String> stopWords) {
        List<String> trimmed = cutAtNextAction(trimTrailing(words));
        int end = 0;
        while (end < trimmed.size() && (end == 0 || !stopWords.contains(trimmed.get(end)))) {
            end++;
        }
        return end == 0 ? null : String.join(" ", trimmed.subList(0, end));
    }

    private static String directionOrPhrase(List<String> words) {
        String joined = String.join(" ", words);
        return joined.isEmpty() ? null : Directions.canonical(joined).orElse(joined);
    }

    private static String strip(String text) {
        return LEADING_SEPARATORS.matcher(text).replaceFirst("");
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

    private static List<List<String>> words(String... phrases) {
        List<List<String>> all = new ArrayList<>();
        for (String phrase : phrases) {
            all.add(List.of(phrase.split(" ")));
        }
        all.sort((a, b) -> b.size() - a.size());
        return List.copyOf(all);
    }

    private static Map<String, Verb> questions() {
        Map<String, Verb> q = new HashMap<>();
        for (String s : List.of("where am i", "where i am", "what is here", "what s here", "whats here",
                "who is here", "who s here", "whos here", "what do i see", "what can i see", "what is around",
                "what s around", "what is around me", "what s around me", "where can i go", "which way can i go", "what are exits", "exits",
                "where does road go", "what is going on", "what s going on", "look around", "tell me where i am",
                "where are we", "describe room", "describe place", "what does place look like")) {
            q.put(s, Verb.LOOK);
        }
        for (String s : List.of("what do i have", "what am i carrying", "what am i holding", "what do i carry",
                "what s in bag", "what is in bag", "what s in pack", "what is in pack", "what have i got",
                "what did i pick up", "how am i", "how do i feel", "how am i doing", "health", "hp", "status",
                "check myself", "am i hurt", "how hurt am i", "what is in inventory", "show inventory",
                "list inventory", "what am i wearing")) {
            q.put(s, Verb.INVENTORY);
        }
        for (String s : List.of("what can i do", "what can i do here", "what now", "how do i play",
                "what should i do", "what are commands", "show commands", "list commands", "i am lost",
                "i m lost", "i m stuck", "i am stuck")) {
            q.put(s, Verb.HELP);
        }
        return Map.copyOf(q);
    }

    private static Map<List<String>, String> phrasal() {
        Map<List<String>, String> p = new HashMap<>();
        p.put(List.of("have", "look", "at"), "examine");
        p.put(List.of("take", "look", "at"), "examine");
        p.put(List.of("take", "closer", "look", "at"), "examine");
        p.put(List.of("have", "closer", "look", "at"), "examine");
        p.put(List.of("have", "look"), "look");
        p.put(List.of("take", "look"), "look");
        p.put(List.of("check", "out"), "examine");
        p.put(List.of("look", "for"), "examine");
        p.put(List.of("look", "closely", "at"), "examine");
        p.put(List.of("listen", "to"), "examine");
        p.put(List.of("set", "down"), "drop");
        p.put(List.of("lay", "down"), "drop");
        p.put(List.of("get", "rid", "of"), "drop");
        p.put(List.of("let", "go", "of"), "drop");
        p.put(List.of("hand", "over"), "give");
        p.put(List.of("swing", "at"), "attack");
        p.put(List.of("lunge", "at"), "attack");
        p.put(List.of("pick", "fight", "with"), "attack");
        p.put(List.of("make", "way", "to"), "go");
        p.put(List.of("find", "way", "to"), "go");
        p.put(List.of("head", "over", "to"), "go");
        p.put(List.of("get", "out"), "exit");
        p.put(List.of("get", "out", "of", "here"), "exit");
        p.put(List.of("say", "hello", "to"), "greet");
        p.put(List.of("say", "hi", "to"), "greet");
        p.put(List.of("drink", "from"), "drink");
        p.put(List.of("have", "sip", "of"), "drink");
        p.put(List.of("take", "sip", "of"), "drink");
        p.put(List.of("take", "swig", "of"), "drink");
        p.put(List.of("have", "bite", "of"), "eat");
        p.put(List.of("take", "bite", "of"), "eat");
        p.put(List.of("take", "stroll"), "go");
        p.put(List.of("take", "walk"), "go");
        p.put(List.of("go", "for", "walk"), "go");
        p.put(List.of("look", "through"), "use");
        p.put(List.of("have", "chat", "with"), "talk");
        p.put(List.of("have", "word", "with"), "talk");
        p.put(List.of("strike", "up", "conversation", "with"), "talk");
        return Map.copyOf(p);
    }

    /** Text and its words (articles dropped, as {@link Names#words}), each with where it ends in the text. */
    private record Sentence(String text, List<String> words, List<Integer> starts, List<Integer> ends) {

        static Sentence of(String text) {
            List<String> words = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                for (String word : Names.words(m.group())) {
                    words.add(word.toLowerCase(Locale.ROOT));
                    starts.add(m.start());
                    ends.add(m.end());
                }
            }
            return new Sentence(text, List.copyOf(words), List.copyOf(starts), List.copyOf(ends));
        }

        /** The text from word {@code index} on, as typed. */
        String textFrom(int index) {
            return text.substring(starts.get(index));
        }

        /** The text after word {@code index}, as typed. */
        String after(int index) {
            return text.substring(ends.get(index));
        }
    }
}
