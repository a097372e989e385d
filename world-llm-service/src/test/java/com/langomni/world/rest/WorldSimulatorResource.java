package com.langomni.world.rest;

import com.langomni.testkit.LlmSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A real llm-simulator (fast profile) as the world model for one test class. Its context window is small
 * (2048 tokens) so a prompt that escaped the limits would be refused with a 400. Resource args are extra simulator
 * environment ({@code SIM_*}), e.g. a slower inter-token latency. It records the latest prompts it was sent
 * ({@code GET /sim/prompts}) for the tests that check what the model is told.
 */
public class WorldSimulatorResource implements QuarkusTestResourceLifecycleManager {
    static final int MAX_MODEL_LEN = 2048;

    private final Map<String, String> env = new HashMap<>(Map.of("SIM_SEED", "7", "SIM_MEAN_OUTPUT_TOKENS", "24",
            "SIM_MAX_MODEL_LEN", Integer.toString(MAX_MODEL_LEN), "SIM_RECORDED_PROMPTS", "16"));
    private LlmSimulator simulator;

    @Override
    public void init(Map<String, String> initArgs) {
        env.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        simulator = LlmSimulator.start("fast", env);
        return Map.of("langomni.world.llm.url", simulator.openAiUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectSimulator.class, LlmSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
