package com.langomni.npc.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * npc-llm-service against {@link FakeMemoryService}, with the ranking timeout raised from 300 ms to 1.5 s so a
 * test can tell a late-but-in-time answer (800 ms) from a stalled one (5 s).
 */
public class FakeMemoryProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("langomni.npc.ranking.timeout-ms", "1500");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeMemoryService.class));
    }
}
