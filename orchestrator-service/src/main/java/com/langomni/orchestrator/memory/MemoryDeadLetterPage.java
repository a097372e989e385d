package com.langomni.orchestrator.memory;

import java.util.List;

/** The newest dead letters (at most {@link MemoryDeadLetters#PAGE}) and how many there are in all. */
public record MemoryDeadLetterPage(long total, List<MemoryDeadLetter> items) {
}
