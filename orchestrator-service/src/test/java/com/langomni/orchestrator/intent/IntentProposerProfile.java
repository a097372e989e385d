package com.langomni.orchestrator.intent;

import com.langomni.orchestrator.support.LlmServicesProfile;
import java.util.HashMap;
import java.util.Map;

/** {@link LlmServicesProfile} with the intent proposer on (the test default is off), against the fake world-llm. */
public class IntentProposerProfile extends LlmServicesProfile {

    public static final int DEADLINE_MS = 400;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("langomni.intent.proposer", "world");
        overrides.put("langomni.intent.deadline", DEADLINE_MS + "ms");
        return overrides;
    }
}
