package com.langomni.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Many idle sockets: {@code players} sockets (default 2000; the knob goes to 10000 and beyond) open over
 * {@code rampSeconds} (60), each with its own account (pool {@code i}), get their welcome, then only stay open
 * for {@code durationSeconds} (120), sending a {@code ping} every {@code pingSeconds} (20; request {@code pong}:
 * ping sent to pong received, a cheap probe of the gateway's responsiveness with that many sockets), then close.
 * What to read next to the report: the gateway's RSS and CPU (ps, or its /q/metrics) with that many sockets.
 *
 * <p>The load generator holds one socket per player too: raise the open-file limit of the shell that runs it
 * ({@code ulimit -n 65536}) and of the platform's (every socket is a descriptor on both sides), and expect one
 * bcrypt login per account before the sockets open (10000 accounts: minutes on a 2-core box).
 */
public class IdleSocketsSimulation extends Simulation {
    final int players = Knobs.integer("players", 2000, 1, 200_000);
    final Duration ramp = Knobs.seconds("rampSeconds", 60, 0, 3600);
    final Duration duration = Knobs.seconds("durationSeconds", 120, 1, 86_400);
    final Duration pingEvery = Knobs.seconds("pingSeconds", 20, 1, 3600);
    final Accounts accounts = new Accounts("i", players);

    {
        System.out.println(Knobs.describe("IdleSockets", "players", "" + players, "rampSeconds",
                "" + ramp.toSeconds(), "durationSeconds", "" + duration.toSeconds(), "pingSeconds",
                "" + pingEvery.toSeconds()));
        int maxPings = (int) Math.min(Knobs.maxActions(), duration.toSeconds() / pingEvery.toSeconds() + 1);
        var idle = scenario("idle sockets")
                .exec(accounts.lease())
                .exec(Play.connect())
                .exec(s -> s.set(Play.DEADLINE, System.currentTimeMillis() + duration.toMillis()))
                .asLongAs(s -> (s.contains("pings") ? s.getInt("pings") : 0) < maxPings
                        && System.currentTimeMillis() + pingEvery.toMillis() <= s.getLong(Play.DEADLINE), "pings")
                .on(exec(s -> s.remove(Play.IN)).pause(pingEvery)
                        .exec(ws("send ping").sendText(Frames.PING).await(Knobs.actionTimeout()).on(
                                ws.checkTextMessage("pong").matching(jsonPath("$.type").is("pong"))
                                        .check(bodyString().saveAs(Play.IN))))
                        .exec(s -> {
                            Tally.add(s.contains(Play.IN) ? Tally.PONGS : Tally.PINGS_UNANSWERED);
                            return s;
                        }))
                // stays open until the end of its own duration, whatever is left after the last ping
                .pause(s -> Duration.ofMillis(Math.max(0, s.getLong(Play.DEADLINE) - System.currentTimeMillis())))
                .exec(Play.close())
                .exec(accounts.release());
        setUp(accounts.phase().andThen(idle.injectOpen(
                ramp.isZero() ? atOnceUsers(players) : rampUsers(players).during(ramp))))
                .protocols(Play.protocol());
    }

    @Override
    public void after() {
        Tally.report("IdleSockets");
    }
}
