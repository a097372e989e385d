package com.langomni.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Broadcast: {@code players} (default 20) in one room all talk: each says something every {@code thinkMs}
 * (2000, randomised ±50 %) for {@code durationSeconds} (60); every say reaches the other players - 1 in the room
 * as an {@code event} frame. Requests: {@code say} (the speaker's own action latency, as in PlayMix) and
 * {@code say → heard} (one sample per listener per say: from the speaker building the frame to the listener's
 * socket receiving the event; see {@link HeardTimings} for how it is measured and recorded). The fan-out per say
 * is the room size, so {@code players} is the knob: 20 players talking every 2 s are 10 says and 190 deliveries
 * a second.
 *
 * <p>The room: accounts of pool {@code b} only ever say things, so they stay where new players start; a fresh
 * {@code -Dprefix} (new accounts) or an admin "move" gathers them again if something moved them. The summary
 * counts {@code broadcast.room.<location>} per player, so a scattered room shows.
 */
public class BroadcastSimulation extends Simulation {
    final int players = Knobs.integer("players", 20, 2, 10_000);
    final Duration ramp = Knobs.seconds("rampSeconds", 5, 0, 3600);
    final Duration think = Knobs.millis("thinkMs", 2000, 100, 600_000);
    final Duration duration = Knobs.seconds("durationSeconds", 60, 1, 86_400);
    final Accounts accounts = new Accounts("b", players);
    final AtomicLong talkStart = new AtomicLong();

    {
        System.out.println(Knobs.describe("Broadcast", "players", "" + players, "rampSeconds", "" + ramp.toSeconds(),
                "thinkMs", "" + think.toMillis(), "durationSeconds", "" + duration.toSeconds()));
        int maxSays = Knobs.maxActions();
        Duration minThink = think.dividedBy(2);
        Duration maxThink = think.plus(minThink);
        var room = scenario("broadcast")
                .exec(accounts.lease())
                .exec(Play.connect())
                .exec(s -> {
                    Frames.View v = s.get(Play.VIEW);
                    Tally.add("broadcast.room." + v.locationId());
                    // one talk window for the whole room: it opens rampSeconds + 1 s after the first arrival, so
                    // early says reach every listener, and closes for everyone at once, so late ones do too
                    talkStart.compareAndSet(0, System.currentTimeMillis() + ramp.plusSeconds(1).toMillis());
                    return s.set(Play.DEADLINE, talkStart.get() + duration.toMillis());
                })
                .pause(s -> Duration.ofMillis(Math.max(0, talkStart.get() - System.currentTimeMillis())))
                .exec(HeardTimings.harvest()) // drops the arrivals seen so far
                .exec(s -> s.remove("heardSamples"))
                .asLongAs(s -> Play.keepPlaying(s, maxSays), "actionCount").on(
                        // harvest first: sending a frame empties Gatling's buffer of unmatched frames
                        pause(minThink, maxThink)
                                .exec(HeardTimings.harvest())
                                .exec(HeardTimings.record())
                                .exec(s -> Play.command(s, "say", "say " + HeardTimings.mark(s)))
                                .exec(Play.sendAction())
                                .exec(s -> {
                                    Tally.add(Tally.SAID);
                                    return s;
                                }))
                // the last says of the others are on their way: listen a little longer, then leave
                .pause(Duration.ofSeconds(2))
                .exec(HeardTimings.harvest())
                .exec(HeardTimings.record())
                .exec(Play.close())
                .exec(accounts.release());
        setUp(accounts.phase().andThen(room.injectOpen(rampUsers(players).during(ramp))))
                .protocols(Play.protocol().wsUnmatchedInboundMessageBufferSize(10_000));
    }

    @Override
    public void after() {
        long said = Tally.get(Tally.SAID);
        long heard = Tally.get(Tally.HEARD);
        System.out.printf("Broadcast: %d says, %d deliveries recorded of %d expected with all %d players in one"
                + " room for the whole talk window%n", said, heard, said * (players - 1), players);
        Tally.report("Broadcast");
    }
}
