package com.langomni.llm.backend;

import com.langomni.api.llm.BackendStatus;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What we know of one LLM backend: requests we have open on it, its last scraped load, and whether it is in
 * service. It is ejected after {@code ejectAfter} failures in a row (requests or probes) and readmitted by the
 * first successful health probe. Thread-safe; no I/O.
 */
public final class BackendMonitor {
    private final String name;
    private final String role;
    private final String url;
    private final String model;
    private final int ejectAfter;
    private final LongSupplier clock;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private int failuresInARow;
    private boolean healthy = true;
    private String lastError;
    private VllmSample previous;
    private VllmSample latest;

    public BackendMonitor(String name, String role, String url, String model, int ejectAfter, LongSupplier clock) {
        if (ejectAfter < 1) {
            throw new IllegalArgumentException("ejectAfter must be at least 1");
        }
        this.name = name;
        this.role = role;
        this.url = url;
        this.model = model;
        this.ejectAfter = ejectAfter;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public synchronized boolean healthy() {
        return healthy;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Requests open here plus what the server itself reports waiting: the load a router compares. */
    public synchronized double load() {
        double waiting = latest != null && latest.waiting() != null ? latest.waiting() : 0;
        return inFlight.get() + waiting;
    }

    /** KV-cache usage 0..1 from the last scrape, 0 when unknown. */
    public synchronized double kvCacheUsage() {
        return latest != null && latest.kvCacheUsage() != null ? latest.kvCacheUsage() : 0;
    }

    public void started() {
        inFlight.incrementAndGet();
        requests.incrementAndGet();
    }

    public synchronized void succeeded() {
        inFlight.decrementAndGet();
        failuresInARow = 0;
    }

    /**
     * A request that failed for a reason of the backend's (not a bad request of ours). One that could not even
     * connect (refused, no route, unknown host, connect timeout) is recorded as {@code unreachable: …}, the reason a
     * failed probe gives for the same backend, so {@code lastError} reads the same whichever noticed first.
     */
    public synchronized void failed(Throwable cause) {
        inFlight.decrementAndGet();
        failures.incrementAndGet();
        noteFailure(describe(cause));
    }

    /** A request we gave up on (timeout, cancellation): it leaves, but says nothing about the backend's health. */
    public void abandoned() {
        inFlight.decrementAndGet();
    }

    /** A successful probe readmits the backend; {@code sample} is null when it exports no metrics. */
    public synchronized void probeSucceeded(VllmSample sample) {
        failuresInARow = 0;
        healthy = true;
        if (sample != null) {
            previous = latest;
            latest = sample;
        }
    }

    public synchronized void probeFailed(String reason) {
        noteFailure(reason);
    }

    public synchronized BackendStatus status() {
        VllmSample s = latest;
        return new BackendStatus(name, role, url, model, healthy, inFlight.get(),
                s == null ? null : s.running(), s == null ? null : s.waiting(), s == null ? null : s.kvCacheUsage(),
                s == null ? null : s.prefixCacheHitRate(), s == null ? null : s.tokensPerSecondSince(previous),
                requests.get(), failures.get(), lastError, s == null ? 0 : s.atMillis());
    }

    public long now() {
        return clock.getAsLong();
    }

    private void noteFailure(String reason) {
        lastError = reason;
        failuresInARow++;
        if (failuresInARow >= ejectAfter) {
            healthy = false;
        }
    }

    private static String describe(Throwable cause) {
        Throwable notConnected = connectFailure(cause);
        if (notConnected != null) {
            return unreachable(notConnected);
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + abbreviate(message));
    }

    /**
     * {@code unreachable: …}: how a backend that could not be reached reads in {@code lastError}, whether a probe
     * or a request found out. A connection failure anywhere in {@code failure}'s causes is named by its own
     * message (the wrappers around it differ between the two paths).
     */
    static String unreachable(Throwable failure) {
        Throwable notConnected = connectFailure(failure);
        Throwable named = notConnected != null ? notConnected : failure;
        String message = named.getMessage();
        return "unreachable: " + (message == null ? named.getClass().getSimpleName() : abbreviate(message));
    }

    /** The exception in {@code failure}'s causes saying no connection could be made, or null. */
    private static Throwable connectFailure(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException) {
                return t;
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
