package com.langomni.load;

import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The building blocks every simulation plays with, over the public interfaces only: the gateway's HTTP API
 * (through {@link Accounts}) and the player socket of docs/API.md.
 *
 * <p><b>What an action's time is.</b> Each action is one {@code action} frame with a fresh id; its Gatling
 * request (named after the verb: look, go, say, examine, take, drop, inventory) runs from sending the frame to
 * receiving the {@code result} or {@code error} frame carrying the same {@code actionId} (narration deltas and
 * other players' events in between are ignored). A result is OK; an error frame is KO with the message
 * {@code refused <code>} (busy, rate_limited, unavailable, ...), so the report's error table counts refusals by
 * kind; no frame within {@code actionTimeoutSeconds} is KO as a timeout.
 */
public final class Play {
    /**
     * The group every played action is in (think time outside it): its row in the report is the latency of all
     * actions together, whatever the verb, which is the figure docs/PERFORMANCE.md quotes.
     */
    public static final String ACTIONS = "actions";
    static final String VERB = "verb";
    static final String OUT = "out";
    static final String ACTION_ID = "actionId";
    /** Tells this run's action ids from every earlier run's. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final String IN = "in";
    /** The socket ticket of the next connect (single use). */
    static final String TICKET = "ticket";
    static final String SEQ = "seq";
    static final String VIEW = "view";
    static final String FAILS = "consecutiveFailures";
    static final String DEADLINE = "deadline";
    /** A player whose last this-many actions all went unanswered (closed socket, server gone) stops playing. */
    static final int MAX_CONSECUTIVE_FAILURES = 5;

    private Play() {
    }

    /** HTTP and WebSocket against the gateway; no warm-up request (Gatling's default would leave the machine). */
    public static HttpProtocolBuilder protocol() {
        String base = Knobs.baseUrl();
        return http.baseUrl(base).wsBaseUrl(Knobs.wsBaseUrl(base))
                .acceptHeader("application/json")
                .userAgentHeader("langomni-load-harness")
                .disableWarmUp()
                .shareConnections();
    }

    /** Welcome or result: OK; anything else KO, its message naming what came (e.g. {@code refused busy}). */
    static CheckBuilder frameIsOk() {
        return bodyString().transform(Frames::outcome).is(Frames.OK).name("answer");
    }

    /**
     * Fetches a single-use socket ticket for the leased account (request {@code auth: ticket}; the token never goes
     * in a URL), opens the socket with it and waits for the welcome frame (request {@code welcome}: from starting
     * the handshake to the welcome). A player without a ticket is refused at the socket like one with a bad ticket;
     * a player without a welcome stops here.
     */
    public static ChainBuilder connect() {
        return exec(s -> s.remove(IN).remove(TICKET))
                .exec(http("auth: ticket").post("/api/auth/ticket").header("Authorization", "Bearer #{" + Accounts.TOKEN + "}")
                        .check(jmesPath("ticket").saveAs(TICKET)))
                .exec(ws("connect").connect(s -> "/ws/game/" + s.getString(Accounts.PLAYER_ID) + "?ticket="
                                + (s.contains(TICKET) ? s.getString(TICKET) : ""))
                        .await(Knobs.seconds("welcomeTimeoutSeconds", 15, 1, 300)).on(
                                ws.checkTextMessage("welcome")
                                        .matching(jsonPath("$.type").in("welcome", "error"))
                                        .check(bodyString().saveAs(IN), frameIsOk())))
                .exec(s -> {
                    String in = s.getString(IN);
                    if (s.isFailed() || in == null) { // no ticket, no welcome
                        Tally.add(Tally.CONNECT_FAILED);
                        return s.remove(IN).set("connected", false);
                    }
                    Tally.add(Tally.CONNECTED);
                    Frames.View view = Frames.view(in);
                    return s.remove(IN).set("connected", true).set(SEQ, 0).set(FAILS, 0)
                            .set(VIEW, view == null ? Frames.View.NOWHERE : view);
                })
                .exitHereIf(s -> !s.getBoolean("connected"));
    }

    /** Closes the socket (the server then tells the room the player left). */
    public static ChainBuilder close() {
        return exec(ws("close").close());
    }

    /**
     * Plays the mix until {@code duration} is over or {@code maxActions} actions were made, whichever comes first,
     * with a uniformly random think time of {@code think}/2 .. {@code think}*3/2 after each action.
     */
    public static ChainBuilder playFor(Duration duration, int maxActions, Duration think) {
        Duration minThink = think.dividedBy(2);
        Duration maxThink = think.plus(minThink);
        return exec(s -> s.set(DEADLINE, System.currentTimeMillis() + duration.toMillis()))
                .asLongAs(s -> keepPlaying(s, maxActions), "actionCount").on(
                        group(ACTIONS).on(mixAction()).pause(minThink, maxThink));
    }

    static boolean keepPlaying(Session s, int maxActions) {
        int done = s.contains("actionCount") ? s.getInt("actionCount") : 0;
        return done < maxActions && System.currentTimeMillis() < s.getLong(DEADLINE)
                && s.getInt(FAILS) < MAX_CONSECUTIVE_FAILURES;
    }

    /** One action of the mix, chosen from what the player last saw: a request named after its verb. */
    public static ChainBuilder mixAction() {
        return exec(Play::chooseAction).exec(sendAction());
    }

    /** Sends {@code #{out}} (an action frame with id {@code #{actionId}}) and awaits its result or error frame. */
    static ChainBuilder sendAction() {
        return exec(ws("send action").sendText(s -> s.getString(OUT))
                .await(Knobs.actionTimeout()).on(
                        ws.checkTextMessage(s -> s.getString(VERB))
                                .matching(jsonPath("$.actionId").isEL("#{" + ACTION_ID + "}"),
                                        jsonPath("$.type").in("result", "error"))
                                .check(bodyString().saveAs(IN), frameIsOk())))
                .exec(Play::afterAction);
    }

    /**
     * Sets verb, actionId and the frame to send for a command text. Action ids are idempotency keys, unique per
     * player for good (docs/API.md): accounts are reused across runs, so an id carries this run and user.
     */
    static Session command(Session s, String verb, String text) {
        int seq = s.getInt(SEQ) + 1;
        String id = RUN + "-" + s.userId() + "-" + seq;
        return s.set(SEQ, seq).set(VERB, verb).set(ACTION_ID, id).set(OUT, Frames.action(id, text)).remove(IN);
    }

    /**
     * The mix, by weight: go 30 (a random open exit of the last location seen, which keeps players spread over
     * the world), look 15, say 15, examine 15 (an item, NPC or creature present), take 10 (an item on the
     * ground), inventory 10, drop 5 (something carried). Where the choice is impossible (no exit, nothing to
     * take) the player looks or checks the inventory instead. Before the mix, {@code npcPercent} of the actions
     * talk to an NPC present ({@code talk to} or {@code ask … about}), or walk on to find one.
     */
    static Session chooseAction(Session s) {
        Frames.View v = s.get(VIEW);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        if (r.nextInt(100) < NPC_PERCENT) {
            if (!v.npcs().isEmpty()) {
                String npc = pick(v.npcs(), r);
                return command(s, "talk", r.nextBoolean() ? "talk to " + npc
                        : "ask " + npc + " about " + TOPICS[r.nextInt(TOPICS.length)]);
            }
            return v.exits().isEmpty() ? command(s, "look", "look") : command(s, "go", "go " + pick(v.exits(), r));
        }
        int roll = r.nextInt(100);
        if (roll < 30) {
            return v.exits().isEmpty() ? command(s, "look", "look") : command(s, "go", "go " + pick(v.exits(), r));
        } else if (roll < 45) {
            return command(s, "look", "look");
        } else if (roll < 60) {
            return command(s, "say", "say " + SAYINGS[r.nextInt(SAYINGS.length)]);
        } else if (roll < 75) {
            return v.things().isEmpty() ? command(s, "look", "look")
                    : command(s, "examine", "examine " + pick(v.things(), r));
        } else if (roll < 85) {
            return v.items().isEmpty() ? command(s, "look", "look") : command(s, "take", "take " + pick(v.items(), r));
        } else if (roll < 95) {
            return command(s, "inventory", "inventory");
        }
        return v.inventory().isEmpty() ? command(s, "inventory", "inventory")
                : command(s, "drop", "drop " + pick(v.inventory(), r));
    }

    private static final int NPC_PERCENT = Knobs.npcPercent();

    private static final String[] TOPICS = {"the road", "work", "the wolves", "news", "the mine"};

    private static final String[] SAYINGS = {
        "hello there", "well met, traveller", "which way to the inn?", "anyone seen a wolf?", "fine weather today",
    };

    private static String pick(List<String> options, ThreadLocalRandom r) {
        return options.get(r.nextInt(options.size()));
    }

    /** Counts the outcome and keeps the new location view (from a result frame) for the next choice. */
    static Session afterAction(Session s) {
        String in = s.getString(IN);
        Session next = s.remove(IN);
        if (in == null) {
            Tally.add(Tally.UNANSWERED);
            return next.set(FAILS, s.getInt(FAILS) + 1);
        }
        String code = Frames.errorCode(in);
        if (code != null) {
            // a refusal is the server's answer (backpressure), not a dead socket: the player plays on
            Tally.add(Tally.REFUSED + code);
            return next.set(FAILS, 0);
        }
        Tally.add(Tally.RESULTS);
        Frames.View view = Frames.view(in);
        return (view == null ? next : next.set(VIEW, view)).set(FAILS, 0);
    }
}
