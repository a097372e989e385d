package com.langomni.simulator.config;

import com.langomni.simulator.domain.EngineSettings;
import com.langomni.simulator.domain.FaultPlan;
import com.langomni.simulator.domain.Profile;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Turns {@code sim.*} into the engine's settings: the profile's values, then each override. */
@ApplicationScoped
public class EngineSettingsProducer {

    @Produces
    @Singleton
    EngineSettings engineSettings(SimConfig c) {
        Profile profile = Profile.byId(c.profile());
        EngineSettings p = profile.settings();
        EngineSettings s = new EngineSettings(
                c.servedModelName().orElse(p.servedModelName()),
                c.maxNumSeqs().orElse(p.maxNumSeqs()),
                c.maxNumBatchedTokens().orElse(p.maxNumBatchedTokens()),
                c.maxModelLen().orElse(p.maxModelLen()),
                c.blockSize().orElse(p.blockSize()),
                c.kvCacheBlocks().orElse(p.kvCacheBlocks()),
                c.prefillOverheadMs().orElse(p.prefillOverheadMs()),
                c.prefillPerTokenMs().orElse(p.prefillPerTokenMs()),
                c.baseItlMs().orElse(p.baseItlMs()),
                c.perSeqItlMs().orElse(p.perSeqItlMs()),
                c.jitter().orElse(p.jitter()),
                c.defaultMaxTokens().orElse(p.defaultMaxTokens()),
                c.meanOutputTokens().orElse(p.meanOutputTokens()),
                c.maxQueue().orElse(p.maxQueue()),
                c.seed().orElse(p.seed()));
        Log.infof("Simulating %s as profile %s: %s", s.servedModelName(), profile.id(), s);
        return s;
    }

    @Produces
    @Singleton
    FaultPlan initialFaults(SimConfig c) {
        SimConfig.Faults f = c.faults();
        return new FaultPlan(f.errorRate(), f.hangRate(), f.stallRate(), f.crashRate(), f.afterTokens());
    }
}
