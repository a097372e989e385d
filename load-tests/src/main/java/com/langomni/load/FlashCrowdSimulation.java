package com.langomni.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Flash crowd: {@code players} (default 1000) arrive within {@code rampSeconds} (5; 0 = all at once), each
 * connects, waits for the welcome and plays the mix of {@link Play} for {@code durationSeconds} (120) with
 * {@code thinkMs} (1000) of think time. The accounts (pool {@code p}, shared with PlayMix and OverloadStep) are
 * logged in before the crowd arrives, so what arrives at once is sockets and actions, not bcrypt.
 * Read the report's {@code welcome} row (time to a welcome under the arrival spike) and the action rows' time
 * series for the spike and how fast latency settles.
 */
public class FlashCrowdSimulation extends Simulation {
    final int players = Knobs.integer("players", 1000, 1, 100_000);
    final Duration ramp = Knobs.seconds("rampSeconds", 5, 0, 600);
    final Duration think = Knobs.millis("thinkMs", 1000, 0, 600_000);
    final Duration duration = Knobs.seconds("durationSeconds", 120, 1, 86_400);
    final Accounts accounts = new Accounts("p", players);

    {
        System.out.println(Knobs.describe("FlashCrowd", "players", "" + players, "rampSeconds",
                "" + ramp.toSeconds(), "thinkMs", "" + think.toMillis(), "durationSeconds", "" + duration.toSeconds()));
        var crowd = scenario("flash crowd")
                .exec(accounts.lease())
                .exec(Play.connect())
                .exec(Play.playFor(duration, Knobs.maxActions(), think))
                .exec(Play.close())
                .exec(accounts.release());
        OpenInjectionStep arrival = ramp.isZero() ? atOnceUsers(players) : rampUsers(players).during(ramp);
        setUp(accounts.phase().andThen(crowd.injectOpen(arrival))).protocols(Play.protocol());
    }

    @Override
    public void after() {
        Tally.report("FlashCrowd");
    }
}
