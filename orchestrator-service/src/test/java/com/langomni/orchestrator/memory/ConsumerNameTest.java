package com.langomni.orchestrator.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsumerNameTest {

    @Test
    void theConfiguredNameComesFirst() {
        assertEquals("orchestrator-2", ConsumerName.resolve(Optional.of(" orchestrator-2 "), "pod-a", () -> "box"));
    }

    @Test
    void thenTheHostnameVariableWhichIsThePodName() {
        assertEquals("orchestrator-7c9f-x2k", ConsumerName.resolve(Optional.empty(), "orchestrator-7c9f-x2k", () -> "box"));
        assertEquals("pod-a", ConsumerName.resolve(Optional.of("  "), "pod-a", () -> "box"));
    }

    @Test
    void thenWhatTheSystemCallsThisHost() {
        assertEquals("box", ConsumerName.resolve(Optional.empty(), null, () -> "box"));
        assertEquals("box", ConsumerName.resolve(Optional.empty(), "", () -> "box"));
    }

    @Test
    void aFixedNameWhenNothingNamesTheHost() {
        assertEquals(ConsumerName.FALLBACK, ConsumerName.resolve(Optional.empty(), null, () -> null));
        assertEquals(ConsumerName.FALLBACK, ConsumerName.resolve(Optional.empty(), null, () -> {
            throw new IllegalStateException("no network");
        }));
    }
}
