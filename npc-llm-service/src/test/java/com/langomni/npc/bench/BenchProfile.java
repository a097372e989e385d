package com.langomni.npc.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

public class BenchProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(BenchReplicas.class));
    }
}
