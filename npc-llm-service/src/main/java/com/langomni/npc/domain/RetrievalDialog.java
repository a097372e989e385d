package com.langomni.npc.domain;

import com.langomni.api.npc.NpcReplyRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The retrieval dialog's decisions, free of I/O: whether the player asked about something, how to rank the
 * NPC's knowledge without memory-service, and whether the best line is relevant enough to say.
 */
public final class RetrievalDialog {
    private static final int MAX_QUESTION_CHARS = 500;

    private final TextAnalyzer analyzer;
    private final LexicalRanker lexical;
    private final double semanticMinScore;
    private final double lexicalMinScore;

    /**
     * @param semanticMinScore lowest cosine similarity that counts as an answer
     * @param lexicalMinScore  lowest BM25 score that counts as an answer
     */
    public RetrievalDialog(double semanticMinScore, double lexicalMinScore) {
        this.analyzer = new TextAnalyzer();
        this.lexical = new LexicalRanker(analyzer);
        this.semanticMinScore = semanticMinScore;
        this.lexicalMinScore = lexicalMinScore;
    }

    /**
     * The question to look up (the parser's topic when it found one, else what the player said), or empty when the
     * player only greeted, said nothing searchable, or the NPC knows nothing at all.
     */
    public Optional<Question> question(NpcReplyRequest r) {
        if (knowledge(r).isEmpty()) {
            return Optional.empty();
        }
        String text = r.topic() != null && !r.topic().isBlank() ? r.topic() : r.playerText();
        Set<String> ignored = new HashSet<>(analyzer.terms(r.npcName()));
        if (text == null || text.isBlank() || analyzer.isGreeting(text, ignored)) {
            return Optional.empty();
        }
        List<String> terms = analyzer.terms(text).stream().filter(t -> !ignored.contains(t)).toList();
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        String clipped = text.length() > MAX_QUESTION_CHARS ? text.substring(0, MAX_QUESTION_CHARS) : text;
        return Optional.of(new Question(clipped.strip(), terms));
    }

    /** The NPC's knowledge lines, without blanks. */
    public static List<String> knowledge(NpcReplyRequest r) {
        return r.knowledge() == null ? List.of()
                : r.knowledge().stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).toList();
    }

    public Ranking rankLexically(Question question, List<String> knowledge) {
        return lexical.rank(question.terms(), knowledge);
    }

    /**
     * The line to say, if any is relevant enough. A semantic ranking that finds nothing gets a second opinion from
     * exact words: a rare term the player used verbatim ("mine") is strong evidence even when the embedding is
     * unsure.
     */
    public Optional<ScoredLine> choose(Ranking ranking, Question question, List<String> knowledge) {
        Optional<ScoredLine> best = ranking.best().filter(l -> l.score() >= minScore(ranking.method()));
        if (best.isEmpty() && ranking.method() == Ranking.Method.SEMANTIC) {
            return rankLexically(question, knowledge).best().filter(l -> l.score() >= lexicalMinScore);
        }
        return best;
    }

    private double minScore(Ranking.Method method) {
        return method == Ranking.Method.SEMANTIC ? semanticMinScore : lexicalMinScore;
    }
}
