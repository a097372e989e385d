package com.langomni.npc.domain;

import com.langomni.api.npc.NpcReplyRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a retrieval-dialog NPC phrases a reply: the words the NPC says, without speech marks or a speaker (the
 * caller puts them after the rules' sentence: {@code Brann says, "..."}). Stock phrases vary per NPC but stay
 * fixed for each one, so every NPC keeps a recognisable voice. Nothing the player typed is echoed, except what the
 * player told the NPC, recalled on purpose ({@link #recall}).
 */
public final class NpcVoice {
    private static final int MAX_LINE_CHARS = 500;
    private static final int MAX_MEMORY_CHARS = 120;

    private static final List<String> GREETINGS = List.of(
            "Well met, %s. What brings you here?",
            "Greetings, %s. Ask what you will.",
            "Ah, a visitor. What do you need, %s?",
            "Hello, %s. Speak up, I'm listening.",
            "Good day to you, %s. How can I help?");

    private static final List<String> RECOGNITIONS = List.of(
            "Back again, %s?",
            "%s! Good to see you again.",
            "Ah, %s, I remember you.",
            "You again, %s. Welcome back.");

    private static final List<String> RECALLS = List.of(
            "You told me %s.",
            "I remember: you told me %s.",
            "As I recall, you said %s.",
            "You said %s, if memory serves.");

    private static final List<String> DONT_KNOW = List.of(
            "Can't help you with that, I'm afraid.",
            "That I don't know. Ask me something else.",
            "Hm. Never heard of it.",
            "You'd best ask someone else about that.",
            "No idea, friend. That's beyond me.");

    public String greet(NpcReplyRequest r) {
        Optional<String> memory = memoryOfPlayer(r);
        if (memory.isEmpty()) {
            return r.greeting() == null || r.greeting().isBlank()
                    ? pick(GREETINGS, r).formatted(playerName(r))
                    : clean(r.greeting(), MAX_LINE_CHARS);
        }
        List<String> parts = new ArrayList<>();
        parts.add(pick(RECOGNITIONS, r).formatted(playerName(r)));
        recollection(memory.get(), playerName(r)).ifPresent(parts::add);
        parts.add("What can I do for you?");
        return String.join(" ", parts);
    }

    public String answer(NpcReplyRequest r, String line) {
        return withRecognition(r, sentence(clean(line, MAX_LINE_CHARS)));
    }

    /**
     * What the NPC recalls of the player's own words ("You told me your sister is Mira."): the one place the
     * retrieval dialog repeats what a player typed, and only to that player's conversation, flattened and capped.
     */
    public String recall(NpcReplyRequest r, Recollection recollection) {
        String words = clean(recollection.words(), MAX_MEMORY_CHARS);
        String line = recollection.kind() == Recollection.Kind.TOLD
                ? pick(RECALLS, r).formatted(words)
                : "You asked me about %s before.".formatted(words);
        return withRecognition(r, line);
    }

    public String dontKnow(NpcReplyRequest r) {
        return withRecognition(r, pick(DONT_KNOW, r));
    }

    private String withRecognition(NpcReplyRequest r, String words) {
        return memoryOfPlayer(r).map(m -> pick(RECOGNITIONS, r).formatted(playerName(r)) + " " + words)
                .orElse(words);
    }

    /**
     * The most relevant memory that is about this player. Memories may be the NPC's memories of everyone, so one
     * counts only if it names the player: the NPC must not greet a stranger as an old friend.
     */
    private static Optional<String> memoryOfPlayer(NpcReplyRequest r) {
        String name = clean(r.playerName(), 40);
        if (r.memories() == null || name.isEmpty()) {
            return Optional.empty();
        }
        Pattern named = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])");
        return r.memories().stream().filter(m -> m != null && named.matcher(m).find()).findFirst();
    }

    /**
     * One clause of the memory, retold to the player ("Ada asked me about swords" -> "Last time you asked me about
     * swords."). A memory quoting someone's words is not replayed: whatever was typed stays unrepeated.
     */
    private static Optional<String> recollection(String memory, String playerName) {
        if (memory.indexOf('"') >= 0) {
            return Optional.empty();
        }
        String clause = clean(memory.split("[;\\n]", 2)[0], MAX_MEMORY_CHARS).replaceAll("[.!?…]+$", "");
        if (clause.isEmpty()) {
            return Optional.empty();
        }
        String lower = clause.toLowerCase(Locale.ROOT);
        String prefix = playerName.toLowerCase(Locale.ROOT) + " ";
        if (lower.startsWith(prefix)) {
            return Optional.of("Last time you " + clause.substring(prefix.length()) + ".");
        }
        return Optional.of("I remember: " + clause + ".");
    }

    /** The same NPC always picks the same phrase; different NPCs mostly pick different ones. */
    private static String pick(List<String> options, NpcReplyRequest r) {
        String key = r.npcId() + "/" + r.npcName();
        return options.get(Math.floorMod(key.hashCode(), options.size()));
    }

    private static String playerName(NpcReplyRequest r) {
        String name = clean(r.playerName(), 40);
        return name.isEmpty() ? "traveller" : name;
    }

    /** One line fit to sit inside the caller's speech marks. */
    private static String clean(String s, int maxChars) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip().replace('"', '\'');
        return flat.length() <= maxChars ? flat : flat.substring(0, maxChars - 1).stripTrailing() + "…";
    }

    private static String sentence(String s) {
        if (s.isEmpty() || ".!?…".indexOf(s.charAt(s.length() - 1)) >= 0) {
            return s;
        }
        return s + ".";
    }
}
