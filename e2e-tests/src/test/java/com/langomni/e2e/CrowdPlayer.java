package com.langomni.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One player of a drill crowd, playing as the protocol asks a client to (docs/API.md, "Delivery"): it chooses
 * each action's id, resends the same id when the action got no answer or a {@code busy}, {@code unavailable},
 * {@code overloaded} or {@code rate_limited} error, reconnects after a drop with {@code &resume=<last seq>}, drops
 * frames it has already seen and keeps, per action id, the first final answer. It counts everything a drill
 * asserts: frames lost (a gap in the sequence numbers), duplicates, resumes the server could not honour.
 *
 * <p>One thread per player, one action in flight at a time, a short think time between actions. The waits are
 * all on its inbox (frames and socket closes), with deadlines.
 */
final class CrowdPlayer implements Runnable {
    static final Set<String> RETRYABLE = Set.of("busy", "unavailable", "overloaded", "rate_limited");
    /** An action nobody answers for this long (server-side holds included) counts as unanswered. */
    private static final Duration GIVE_UP = Duration.ofSeconds(120);
    /** Without any frame about the action for this long, the client resends it. */
    private static final Duration NO_ANSWER = Duration.ofSeconds(8);
    private static final Duration THINK = Duration.ofMillis(400);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Object WAKE = new Object();

    /** The final answer to one action id: a result, or an error the client does not retry. */
    record Answer(String type, String code) {
        boolean isResult() {
            return "result".equals(type);
        }
    }

    /** A socket went away (close frame or transport error); {@code socket} says which. */
    private record Closed(WebSocket socket, int code) {
    }

    private record Frame(WebSocket socket, JsonNode json) {
    }

    final String name;
    final String id;
    final String token;
    private final Random random;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private volatile ServiceProcess gateway;
    private volatile boolean held;
    private volatile boolean stopping;
    private WebSocket socket;
    private volatile long lastSeq = -1;
    private JsonNode player;
    private JsonNode location;
    private JsonNode initialPlayer;
    private String drill;
    private int counter;
    private Thread thread;
    private volatile Throwable failure;
    private volatile int finalCloseCode;

    // Per drill; written by the player's thread, read by the test once the thread has ended (or as progress).
    private final Map<String, Answer> answers = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile int results;
    private final List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
    volatile int resends;
    /** Error answers (retried or final) and resends after no answer: how much of a fault the player felt. */
    volatile int refusals;
    int reconnects;
    int lostFrames;
    int duplicateFrames;
    int lateAnswers;
    int expiredResumes;
    int unsequenced;
    int directResults;
    /** Actions whose final answer came after the same id was sent again. */
    int resentThenAnswered;
    int framesSeen;

    CrowdPlayer(String name, String id, String token, ServiceProcess gateway, long seed) {
        this.name = name;
        this.id = id;
        this.token = token;
        this.gateway = gateway;
        this.random = new Random(seed);
    }

    /** Connects (first welcome: the player's state before any drill) on the calling thread. */
    void connect() {
        ensureConnected(System.nanoTime() + GIVE_UP.toNanos());
        initialPlayer = player;
    }

    /** Starts playing {@code drill}: action ids are {@code <drill>-<name>-<n>}; the counts start from zero. */
    synchronized void play(String drillName) {
        if (thread != null && thread.isAlive()) {
            throw new IllegalStateException(name + " is still playing " + drill);
        }
        drill = drillName;
        counter = 0;
        answers.clear();
        unanswered.clear();
        results = 0;
        resends = refusals = reconnects = 0;
        lostFrames = duplicateFrames = lateAnswers = expiredResumes = unsequenced = framesSeen = 0;
        directResults = resentThenAnswered = 0;
        stopping = false;
        failure = null;
        thread = new Thread(this, "crowd-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the player to stop after the action in flight has its final answer. */
    void stop() {
        stopping = true;
        inbox.add(WAKE);
    }

    /** Waits for the player's thread; false if it is still busy at the deadline. */
    boolean awaitStopped(Duration within) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(within.toMillis());
            return !t.isAlive();
        }
        return true;
    }

    /** The player is away: after its socket drops it does not reconnect until {@link #returnTo}. */
    void hold() {
        held = true;
    }

    /** Comes back on {@code gatewayToUse} (resuming where it left off). */
    void returnTo(ServiceProcess gatewayToUse) {
        gateway = gatewayToUse;
        held = false;
        inbox.add(WAKE);
    }

    ServiceProcess gateway() {
        return gateway;
    }

    int results() {
        return results;
    }

    Map<String, Answer> answers() {
        synchronized (answers) {
            return new LinkedHashMap<>(answers);
        }
    }

    List<String> unanswered() {
        return List.copyOf(unanswered);
    }

    Throwable failure() {
        return failure;
    }

    /** The close code that ended play (the server refused the player: 4401, 4409), or 0. */
    int finalCloseCode() {
        return finalCloseCode;
    }

    JsonNode initialPlayer() {
        return initialPlayer;
    }

    /** The last sequence number this player saw (-1: none yet). */
    long lastSeq() {
        return lastSeq;
    }

    boolean connected() {
        return socket != null;
    }

    @Override
    public void run() {
        try {
            while (!stopping && finalCloseCode == 0) {
                String text = nextAction();
                String actionId = drill + "-" + name + "-" + (++counter);
                perform(actionId, text);
                think();
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** Sends one action and sees it through to a final answer, resending the same id as the protocol says. */
    private void perform(String actionId, String text) throws InterruptedException {
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        long backoff = Duration.ofMillis(200).toNanos();
        long sendAt = System.nanoTime();
        boolean sent = false;
        boolean sentAgain = false;
        boolean awaitingAnswer = false; // sent, and neither an error nor a drop since
        while (true) {
            if (System.nanoTime() - giveUp > 0) {
                unanswered.add(actionId);
                return;
            }
            if (socket == null) {
                if (!ensureConnected(giveUp)) {
                    if (finalCloseCode == 0) {
                        unanswered.add(actionId);
                    }
                    return;
                }
                sendAt = System.nanoTime(); // after a reconnect the action goes again (the replay may answer it)
            }
            if (System.nanoTime() - sendAt >= 0) {
                if (awaitingAnswer) {
                    refusals++; // no answer in time
                }
                if (sent) {
                    resends++;
                    sentAgain = true;
                }
                send(actionId, text);
                sent = true;
                awaitingAnswer = true;
                sendAt = System.nanoTime() + NO_ANSWER.toNanos();
            }
            long wait = Math.max(1, Math.min(sendAt, giveUp) - System.nanoTime());
            Object event = inbox.poll(wait, TimeUnit.NANOSECONDS);
            if (event instanceof Closed c) {
                if (closed(c)) {
                    refusals++;
                    awaitingAnswer = false;
                }
                continue;
            }
            JsonNode frame = event instanceof Frame f ? accept(f) : null;
            if (frame == null || !actionId.equals(frame.path("actionId").asText())) {
                continue;
            }
            String type = frame.path("type").asText();
            if ("result".equals(type)) {
                record(actionId, new Answer("result", null));
                resentThenAnswered += sentAgain ? 1 : 0;
                return;
            }
            if ("error".equals(type)) {
                refusals++;
                String code = frame.path("code").asText();
                if (!RETRYABLE.contains(code)) {
                    record(actionId, new Answer("error", code));
                    resentThenAnswered += sentAgain ? 1 : 0;
                    return;
                }
                // The original answer may still come (after a busy): keep listening until the backoff ends.
                awaitingAnswer = false;
                sendAt = System.nanoTime() + backoff;
                backoff = Math.min(backoff * 2, Duration.ofSeconds(2).toNanos());
            }
        }
    }

    private void record(String actionId, Answer answer) {
        answers.put(actionId, answer);
        if (answer.isResult()) {
            results++;
        }
    }

    /** Between actions the player reads what arrives (others' events) for the think time. */
    private void think() throws InterruptedException {
        long until = System.nanoTime() + THINK.toNanos();
        long left;
        while (!stopping && (left = until - System.nanoTime()) > 0) {
            Object event = inbox.poll(left, TimeUnit.NANOSECONDS);
            if (event instanceof Frame f) {
                accept(f);
            } else if (event instanceof Closed c && closed(c)) {
                refusals++;
            }
        }
    }

    /** Forgets the current socket if {@code c} is its close; true if it was. */
    private boolean closed(Closed c) {
        if (c.socket() != socket) {
            return false; // an older socket's close, already replaced
        }
        socket = null;
        if (c.code() == 4401 || c.code() == 4403 || c.code() == 4409) {
            finalCloseCode = c.code(); // the server refuses this player: reconnecting cannot help
        }
        return true;
    }

    /**
     * Sequence bookkeeping for one frame of the current socket; returns the frame, or null when it is to be
     * ignored (an older socket's, or one already seen).
     */
    private JsonNode accept(Frame f) {
        if (f.socket() != socket) {
            return null;
        }
        JsonNode frame = f.json();
        String type = frame.path("type").asText();
        if ("welcome".equals(type)) {
            welcome(frame);
            return frame;
        }
        boolean sequenced = frame.hasNonNull("seq");
        if (!sequenced && "event".equals(type)) {
            unsequenced++;
        }
        if (!sequenced && "result".equals(type)) {
            directResults++; // the contract's fallback when Redis could not take the answer: delivered as is
        }
        if (sequenced) {
            long seq = frame.path("seq").asLong();
            if (seq <= lastSeq) {
                duplicateFrames++;
                return null;
            }
            if (lastSeq >= 0 && seq > lastSeq + 1) {
                lostFrames += (int) (seq - lastSeq - 1);
            }
            lastSeq = seq;
            framesSeen++;
        }
        String actionId = frame.path("actionId").asText(null);
        if (("result".equals(type) || "error".equals(type)) && actionId != null && answers.containsKey(actionId)) {
            lateAnswers++; // the client already has this action's answer: ignored, as the protocol says
            return null;
        }
        if ("result".equals(type)) {
            player = frame.path("player");
            location = frame.path("location");
        }
        return frame;
    }

    private void welcome(JsonNode frame) {
        player = frame.path("player");
        location = frame.path("location");
        if (!frame.hasNonNull("seq")) {
            unsequenced++;
            return;
        }
        long seq = frame.path("seq").asLong();
        String resume = frame.path("resume").asText("");
        if (lastSeq >= 0 && "ok".equals(resume)) {
            return; // every frame after lastSeq follows
        }
        if (lastSeq >= 0) {
            // Asked to resume and told otherwise: whatever came between is gone for this client.
            if ("expired".equals(resume)) {
                expiredResumes++;
            }
            lostFrames += (int) Math.max(0, seq - lastSeq);
        }
        lastSeq = seq;
    }

    /**
     * Opens a socket (resuming when a sequence number is known) and waits for its welcome, retrying with backoff
     * while the gateway or orchestrator is away, and not at all while the player is held.
     */
    private boolean ensureConnected(long giveUp) {
        long backoff = Duration.ofMillis(200).toNanos();
        boolean first = lastSeq < 0 && player == null;
        try {
            while (socket == null) {
                if (finalCloseCode != 0 || System.nanoTime() - giveUp > 0) {
                    return false;
                }
                if (held) {
                    inbox.poll(1, TimeUnit.SECONDS); // woken by returnTo
                    continue;
                }
                WebSocket opened = open();
                if (opened != null && awaitWelcome(opened)) {
                    if (!first) {
                        reconnects++;
                    }
                    return true;
                }
                if (finalCloseCode != 0) {
                    return false;
                }
                inbox.poll(backoff, TimeUnit.NANOSECONDS); // backoff before the next try
                backoff = Math.min(backoff * 2, Duration.ofSeconds(2).toNanos());
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean awaitWelcome(WebSocket opened) throws InterruptedException {
        socket = opened;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Object event = inbox.poll(left, TimeUnit.NANOSECONDS);
            if (event instanceof Frame f && f.socket() == opened) {
                if ("welcome".equals(f.json().path("type").asText())) {
                    accept(f);
                    return true;
                }
                accept(f);
            } else if (event instanceof Closed c && c.socket() == opened) {
                closed(c);
                return false;
            }
        }
        opened.abort();
        socket = null;
        return false;
    }

    private WebSocket open() {
        String url;
        try {
            url = gateway.baseUrl().replace("http://", "ws://") + "/ws/game/" + id + "?ticket="
                    + URLEncoder.encode(PlayerSocket.ticket(gateway.baseUrl(), token), StandardCharsets.UTF_8)
                    + (lastSeq >= 0 ? "&resume=" + lastSeq : "");
        } catch (RuntimeException | AssertionError noTicket) {
            return null; // the gateway or the orchestrator behind it is down: retried like a refused connection
        }
        try {
            return HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(3))
                    .buildAsync(URI.create(url), new Listener(inbox)).get(10, TimeUnit.SECONDS);
        } catch (Exception unreachable) {
            return null;
        }
    }

    private void send(String actionId, String text) {
        WebSocket s = socket;
        if (s == null) {
            return;
        }
        String frame = JSON.createObjectNode().put("type", "action").put("id", actionId).put("text", text).toString();
        try {
            s.sendText(frame, true).get(5, TimeUnit.SECONDS);
        } catch (Exception dropped) {
            // The close (or transport error) reaches the inbox; the action is resent after the reconnect.
        }
    }

    /**
     * The next thing to do, from the last view the player got: mostly walk through an open exit, sometimes pick
     * up or drop an item, look around or check the inventory (state that the event-log audit can replay).
     */
    private String nextAction() {
        List<JsonNode> exits = new ArrayList<>();
        location.path("exits").forEach(e -> {
            if (!e.path("locked").asBoolean()) {
                exits.add(e);
            }
        });
        List<JsonNode> items = new ArrayList<>();
        location.path("items").forEach(items::add);
        List<JsonNode> carried = new ArrayList<>();
        player.path("inventory").forEach(carried::add);
        int roll = random.nextInt(100);
        if (roll < 15 && !carried.isEmpty()) {
            return "drop " + carried.get(random.nextInt(carried.size())).path("name").asText();
        }
        if (roll < 35 && !items.isEmpty()) {
            return "take " + items.get(random.nextInt(items.size())).path("name").asText();
        }
        if (roll < 45 || exits.isEmpty()) {
            return random.nextBoolean() ? "look" : "inventory";
        }
        return "go " + exits.get(random.nextInt(exits.size())).path("direction").asText();
    }

    /** Hands frames and closes to the player's inbox, tagged with their socket. */
    private static final class Listener implements WebSocket.Listener {
        private final BlockingQueue<Object> inbox;
        private final StringBuilder partial = new StringBuilder();

        Listener(BlockingQueue<Object> inbox) {
            this.inbox = inbox;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    inbox.add(new Frame(webSocket, JSON.readTree(partial.toString())));
                } catch (Exception e) {
                    inbox.add(new Frame(webSocket, JSON.createObjectNode().put("type", "unparseable")));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            inbox.add(new Closed(webSocket, statusCode));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            inbox.add(new Closed(webSocket, 1006));
        }
    }
}
