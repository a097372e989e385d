package com.langomni.load;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Closed loop: {@code players} virtual players (default 50) arrive over {@code rampSeconds} (10), each with its
 * own account (pool {@code p}), open their socket, wait for the welcome and play the mix of {@link Play} with
 * {@code thinkMs} (1000) of think time until {@code durationSeconds} (60) are over, then close the socket.
 * About 1 action/s per player at the default think time: well under the server's 4 actions/s (burst 8).
 *
 * <p>{@code -Dassert=true} (the smoke test) adds assertions: every player connected, no action failed
 * other than by a documented refusal ({@code maxKoPercent}, 0 by default, bounds all KOs together).
 */
public class PlayMixSimulation extends Simulation {
    final int players = Knobs.integer("players", 50, 1, 100_000);
    final Duration ramp = Knobs.seconds("rampSeconds", 10, 0, 3600);
    final Duration think = Knobs.millis("thinkMs", 1000, 0, 600_000);
    final Duration duration = Knobs.seconds("durationSeconds", 60, 1, 86_400);
    final Accounts accounts = new Accounts("p", players);

    {
        System.out.println(Knobs.describe("PlayMix", "players", "" + players, "rampSeconds", "" + ramp.toSeconds(),
                "thinkMs", "" + think.toMillis(), "durationSeconds", "" + duration.toSeconds()));
        var play = scenario("play mix")
                .exec(accounts.lease())
                .exec(Play.connect())
                .exec(Play.playFor(duration, Knobs.maxActions(), think))
                .exec(Play.close())
                .exec(accounts.release());
        var setUp = setUp(accounts.phase().andThen(play.injectOpen(rampUsers(players).during(ramp))))
                .protocols(Play.protocol());
        if (Knobs.flag("assert")) {
            List<Assertion> checks = new ArrayList<>();
            checks.add(details("welcome").successfulRequests().count().is((long) players));
            checks.add(details("welcome").failedRequests().count().is(0L));
            checks.add(global().failedRequests().percent().lte((double) Knobs.integer("maxKoPercent", 0, 0, 100)));
            setUp.assertions(checks);
        }
    }

    @Override
    public void after() {
        Tally.report("PlayMix");
    }
}
