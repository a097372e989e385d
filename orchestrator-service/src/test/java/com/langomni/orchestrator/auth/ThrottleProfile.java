package com.langomni.orchestrator.auth;

import com.langomni.orchestrator.support.CuttableRedis;
import com.langomni.orchestrator.support.LlmServicesProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small throttles (the %test ones are out of reach: every other test registers from 127.0.0.1), a bcrypt pool of
 * one thread with room for two checks, live fake LLM and memory services (to see what a refused talk does not
 * call), and Redis behind a proxy a test can cut.
 */
public class ThrottleProfile extends LlmServicesProfile {

    static final int LOGINS_PER_IP = 4;
    static final int REGISTRATIONS_PER_IP = 3;
    static final int FREE_ATTEMPTS = 3;
    static final int FALLBACK_BURST = 3;
    static final int TALKS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.putAll(Map.ofEntries(
                Map.entry("langomni.auth.throttle.login-per-ip", Integer.toString(LOGINS_PER_IP)),
                Map.entry("langomni.auth.throttle.login-per-ip-window", "10m"),
                Map.entry("langomni.auth.throttle.register-per-ip", Integer.toString(REGISTRATIONS_PER_IP)),
                Map.entry("langomni.auth.throttle.register-per-ip-window", "10m"),
                Map.entry("langomni.auth.throttle.account.free-attempts", Integer.toString(FREE_ATTEMPTS)),
                Map.entry("langomni.auth.throttle.account.window", "10m"),
                Map.entry("langomni.auth.throttle.account.lockout", "1s"),
                Map.entry("langomni.auth.throttle.account.max-lockout", "2s"),
                // the fallback's refill is all but nil: its burst is what a test sees
                Map.entry("langomni.auth.throttle.fallback-per-second", "0.001"),
                Map.entry("langomni.auth.throttle.fallback-burst", Integer.toString(FALLBACK_BURST)),
                Map.entry("langomni.auth.throttle.redis-timeout", "1s"),
                Map.entry("langomni.auth.hashing-threads", "1"),
                Map.entry("langomni.game.admission.max-password-checks", "2"),
                Map.entry("langomni.game.talk-budget.talks", Integer.toString(TALKS)),
                Map.entry("langomni.game.talk-budget.window", "10m")));
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CuttableRedis.class));
    }
}
