package com.langomni.npc.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** npc-llm-service in front of three simulated NPC replicas ({@link NpcReplicaSimulators}). */
public class ReplicasProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(NpcReplicaSimulators.class));
    }
}
