package com.langomni.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of player accounts with deterministic names ({@code <prefix><pool>-<n>}, e.g. {@code ltp-17}) and one
 * shared password, made ready in an <b>accounts phase</b> before the measured scenario starts: a few virtual users
 * log each account in, registering it when the login answers 401. Registration and login both cost one bcrypt
 * hash on the orchestrator (cost 10 under {@code make run}: tens of ms of CPU each, on a 2-core box the whole
 * machine), so they are kept out of the measured phase, which only connects with the tokens collected here.
 * Re-runs reuse the same accounts (login, no new rows); a different {@code -Dprefix} gives a fresh set.
 *
 * <p>A virtual user {@link #lease() leases} a free account for its session and {@link #release() gives it back}
 * at the end, so no two live virtual users ever share an account (a second socket for the same player would
 * replace the first, close 4409).
 */
public final class Accounts {
    public static final String PASSWORD = "load-harness-password";
    static final String NAME = "accountName";
    static final String PLAYER_ID = "playerId";
    static final String TOKEN = "token";

    private final String namePrefix;
    private final int size;
    private final AtomicInteger cursor = new AtomicInteger();
    private final Queue<String[]> free = new ConcurrentLinkedQueue<>();

    /**
     * @param pool one letter per kind of use, so pools never mix: p (players that move around), i (idle
     *             sockets), b (broadcast: players that never leave the start location)
     */
    public Accounts(String pool, int size) {
        this.namePrefix = Knobs.prefix() + pool + "-";
        this.size = size;
    }

    public String name(int index) {
        return namePrefix + index;
    }

    /** Logs in (or registers) every account of the pool with {@code authConcurrency} virtual users. */
    public PopulationBuilder phase() {
        ChainBuilder one = exec(http("auth: login").post("/api/auth/login")
                .body(StringBody(Accounts::credentials)).asJson()
                .check(status().in(200, 401).saveAs("loginStatus"),
                        jmesPath("playerId").optional().saveAs(PLAYER_ID),
                        jmesPath("token").optional().saveAs(TOKEN)))
                .doIf(s -> s.contains("loginStatus") && s.getInt("loginStatus") == 401).then(
                        exec(http("auth: register").post("/api/auth/register")
                                .body(StringBody(Accounts::credentials)).asJson()
                                .check(status().is(201),
                                        jmesPath("playerId").saveAs(PLAYER_ID),
                                        jmesPath("token").saveAs(TOKEN))))
                .exec(this::collect);
        return scenario("accounts " + namePrefix + "0.." + (size - 1))
                .asLongAs(s -> cursor.get() < size).on(
                        exec(this::claim).doIf(s -> s.contains(NAME)).then(one))
                .injectOpen(atOnceUsers(Math.min(Knobs.authConcurrency(), Math.max(size, 1))));
    }

    private Session claim(Session s) {
        int i = cursor.getAndIncrement();
        Session clean = s.removeAll(NAME, PLAYER_ID, TOKEN, "loginStatus").markAsSucceeded();
        return i < size ? clean.set(NAME, name(i)) : clean;
    }

    private static String credentials(Session s) {
        return "{\"name\":\"" + s.getString(NAME) + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    private Session collect(Session s) {
        if (!s.isFailed() && s.contains(TOKEN) && s.contains(PLAYER_ID)) {
            free.add(new String[] {s.getString(NAME), s.getString(PLAYER_ID), s.getString(TOKEN)});
            Tally.add(Tally.ACCOUNTS_READY);
        } else {
            Tally.add(Tally.ACCOUNTS_FAILED);
        }
        return s;
    }

    /** Takes a free account into the session; without one (its login failed) the virtual user stops here. */
    public ChainBuilder lease() {
        return exec(s -> {
            String[] a = free.poll();
            if (a == null) {
                Tally.add(Tally.NO_ACCOUNT);
                return s.remove(TOKEN);
            }
            return s.set(NAME, a[0]).set(PLAYER_ID, a[1]).set(TOKEN, a[2]);
        }).exitHereIf(s -> !s.contains(TOKEN));
    }

    public ChainBuilder release() {
        return exec(s -> {
            if (s.contains(TOKEN)) {
                free.add(new String[] {s.getString(NAME), s.getString(PLAYER_ID), s.getString(TOKEN)});
            }
            return s.remove(TOKEN);
        });
    }
}
