package com.langomni.npc.domain;

import com.langomni.api.npc.NpcReplyRequest;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets the retrieval dialog recall what a player told the NPC. Conversation memories are written by the
 * orchestrator as {@code Ada said to me: "my sister is Mira"; I said: ...} or {@code Ada asked me about swords;
 * I said: ...}; variants ({@code Ada said: ...}, {@code Ada told me that ...}, other quotes, no reply part) are
 * read too. A memory counts only when it starts with this player's name (the NPC's memories of others stay
 * private) and shares a content word with what the player says now; among those the one sharing most words wins,
 * ties going to the more relevant (earlier) memory.
 */
public final class MemoryRecall {
    private static final int MAX_WORDS_CHARS = 160;
    /** Words that ask the NPC to remember rather than to know: they do not count as shared content. */
    private static final Set<String> CUES = Set.of("remember", "recall", "forget", "forgot", "forgotten", "told",
            "said", "mention", "mentioned");
    private static final Pattern REPLY_PART = Pattern.compile("\\s*;\\s*I\\s+(?:said|replied|answered)\\b.*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final String OPEN_QUOTES = "\"'“‘«";
    private static final String CLOSE_QUOTES = "\"'”’»";

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final Set<String> cueTerms = new HashSet<>();

    public MemoryRecall() {
        CUES.forEach(c -> cueTerms.addAll(analyzer.terms(c)));
    }

    public Optional<Recollection> recall(NpcReplyRequest r) {
        String name = r.playerName() == null ? "" : r.playerName().strip();
        if (name.isEmpty() || r.memories() == null || r.memories().isEmpty()) {
            return Optional.empty();
        }
        String now = (r.topic() == null ? "" : r.topic()) + " " + (r.playerText() == null ? "" : r.playerText());
        Set<String> ignored = new HashSet<>(analyzer.terms(r.npcName()));
        ignored.addAll(analyzer.terms(name));
        Set<String> asked = new HashSet<>(analyzer.terms(now));
        asked.removeAll(ignored);
        asked.removeAll(cueTerms);
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        boolean cued = analyzer.tokens(now).stream().anyMatch(CUES::contains);
        Pattern told = Pattern.compile("^\\s*" + Pattern.quote(name)
                + "\\s+(?:said(?:\\s+to\\s+me)?|told\\s+me|mentioned)\\b\\s*(?:that\\b)?\\s*[:,]?\\s*(?:that\\b)?\\s*"
                + "(.+)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        Pattern about = Pattern.compile("^\\s*" + Pattern.quote(name) + "\\s+asked\\s+(?:me\\s+)?about\\s+(.+)$",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        Recollection best = null;
        int bestShared = 0;
        for (String memory : r.memories()) {
            Optional<Recollection> parsed = parse(memory, told, about, cued);
            if (parsed.isEmpty()) {
                continue;
            }
            Set<String> then = new HashSet<>(analyzer.terms(parsed.get().words()));
            then.retainAll(asked);
            if (then.size() > bestShared) {
                best = parsed.get();
                bestShared = then.size();
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<Recollection> parse(String memory, Pattern told, Pattern about, boolean cued) {
        if (memory == null) {
            return Optional.empty();
        }
        Matcher m = told.matcher(memory);
        if (m.matches()) {
            String words = words(m.group(1));
            return words.isEmpty() ? Optional.empty()
                    : Optional.of(new Recollection(Recollection.Kind.TOLD, PersonSwap.toListener(words), cued));
        }
        m = about.matcher(memory);
        if (m.matches()) {
            String topic = words(m.group(1).split("[;.!?]", 2)[0]);
            return topic.isEmpty() ? Optional.empty()
                    : Optional.of(new Recollection(Recollection.Kind.ASKED, topic, cued));
        }
        return Optional.empty();
    }

    /** The words themselves: the NPC's reply cut off, surrounding quotes and end punctuation gone, one line. */
    private static String words(String raw) {
        String s = raw.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (!s.isEmpty() && OPEN_QUOTES.indexOf(s.charAt(0)) >= 0) {
            // quoted words may hold anything, even "; I said": the closing quote before the reply part ends them
            Matcher reply = Pattern.compile("[" + CLOSE_QUOTES + "]\\s*;\\s*I\\s+(?:said|replied|answered)\\b",
                    Pattern.CASE_INSENSITIVE).matcher(s);
            int end = reply.find() ? reply.start() : lastQuote(s);
            s = end > 0 ? s.substring(1, end) : s.substring(1);
        } else {
            s = REPLY_PART.matcher(s).replaceFirst("");
        }
        s = s.strip().replaceAll("^[" + OPEN_QUOTES + "]+|[" + CLOSE_QUOTES + "]+$", "")
                .replaceAll("[\\s.!?…,;:]+$", "").replace('"', '\'').strip();
        return s.length() <= MAX_WORDS_CHARS ? s : s.substring(0, MAX_WORDS_CHARS - 1).stripTrailing() + "…";
    }

    private static int lastQuote(String s) {
        for (int i = s.length() - 1; i > 0; i--) {
            if (CLOSE_QUOTES.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
