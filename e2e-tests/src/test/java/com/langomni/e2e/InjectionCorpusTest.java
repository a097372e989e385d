package com.langomni.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The corpus file reads, is big enough and covers every kind of attack issue #16 names. */
class InjectionCorpusTest {

    @Test
    void thirtyOrMoreEntriesCoverEveryCategory() {
        List<InjectionCorpus.Entry> corpus = InjectionCorpus.load();
        assertTrue(corpus.size() >= 30, "entries: " + corpus.size());
        Set<String> categories = corpus.stream().map(InjectionCorpus.Entry::category).collect(Collectors.toSet());
        assertEquals(Set.of("role-play", "ignore-instructions", "fake-system-tag", "fence-breaker", "prompt-leak",
                "cross-player", "unicode", "overlong", "state-by-words"), categories);
        assertTrue(corpus.stream().anyMatch(e -> e.text().length() > 500), "one entry is over the action limit");
    }
}
