package com.langomni.gateway.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts {@link FakeOrchestrator} before the gateway boots and points the gateway at it. */
public class FakeOrchestratorResource implements QuarkusTestResourceLifecycleManager {

    private FakeOrchestrator fake;

    @Override
    public Map<String, String> start() {
        fake = new FakeOrchestrator();
        fake.start();
        return Map.of("langomni.gateway.orchestrator.url", fake.url());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(fake, new TestInjector.MatchesType(FakeOrchestrator.class));
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.shutdown();
        }
    }
}
