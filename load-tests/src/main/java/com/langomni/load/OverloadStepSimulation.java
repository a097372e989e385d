package com.langomni.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Overload step, closed model: {@code players} concurrent players (default 50) for {@code warmSeconds} (60),
 * then twice a given {@code capacity} (default 100, so 200 players) for {@code stepSeconds} (30), then
 * {@code players} again for {@code recoverSeconds} (90). Each virtual player is a short session: lease an
 * account, connect, play {@code sessionActions} (20) actions of the mix with {@code thinkMs} (1000) of think
 * time (or until {@code sessionSeconds}, 60), close, give the account back; Gatling starts a new one whenever
 * the concurrency is below the target, so the step up is immediate and the step down takes about one session
 * length. No assertions: the run records, the report's time series (responses per second, response time
 * percentiles over time, active users, error counts by refusal code) show the overload and the recovery.
 */
public class OverloadStepSimulation extends Simulation {
    final int players = Knobs.integer("players", 50, 1, 100_000);
    final int capacity = Knobs.integer("capacity", 100, 1, 100_000);
    final Duration warm = Knobs.seconds("warmSeconds", 60, 1, 86_400);
    final Duration step = Knobs.seconds("stepSeconds", 30, 1, 86_400);
    final Duration recover = Knobs.seconds("recoverSeconds", 90, 1, 86_400);
    final Duration think = Knobs.millis("thinkMs", 1000, 0, 600_000);
    final int sessionActions = Knobs.integer("sessionActions", 20, 1, 1_000_000);
    final Duration sessionLength = Knobs.seconds("sessionSeconds", 60, 1, 86_400);
    final Accounts accounts = new Accounts("p", Math.max(players, 2 * capacity));

    {
        System.out.println(Knobs.describe("OverloadStep", "players", "" + players, "capacity", "" + capacity,
                "step", (2 * capacity) + " players for " + step.toSeconds() + " s", "warmSeconds",
                "" + warm.toSeconds(), "recoverSeconds", "" + recover.toSeconds(), "thinkMs", "" + think.toMillis()));
        var session = scenario("overload step")
                .exec(accounts.lease())
                .exec(Play.connect())
                .exec(Play.playFor(sessionLength, Math.min(sessionActions, Knobs.maxActions()), think))
                .exec(Play.close())
                .exec(accounts.release());
        setUp(accounts.phase().andThen(session.injectClosed(
                constantConcurrentUsers(players).during(warm),
                constantConcurrentUsers(2 * capacity).during(step),
                constantConcurrentUsers(players).during(recover))))
                .protocols(Play.protocol());
    }

    @Override
    public void after() {
        Tally.report("OverloadStep");
    }
}
