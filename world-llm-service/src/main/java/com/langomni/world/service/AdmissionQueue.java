package com.langomni.world.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Admission by value. At most {@code maxConcurrent} streams of this replica on the backend, and, through
 * {@link Slots}, at most the backend's own limit for all replicas together. Slots go first come first served; when
 * none is free a request may wait: a {@link Priority#HIGH high} one while fewer than {@code maxQueued} wait, a
 * {@link Priority#NORMAL normal} one only while fewer than {@code maxQueuedNormal} wait. Anyone else is refused at
 * once ({@link Busy}) so the rules answer without waiting. A freed slot goes to the oldest high-priority waiter,
 * then to the oldest normal one.
 * <p>
 * The shared slots are tried for one waiter at a time, the first in line, whenever a slot of this replica frees and
 * otherwise every {@code poll} (other replicas free theirs without telling us). How long anyone waits is the
 * caller's business: it releases its ticket when its deadline passes or its stream is cancelled, which takes it out
 * of the queue.
 * <p>
 * Why not SmallRye's {@code @Bulkhead}: it bounds the call that <i>creates</i> a stream, not the stream's life,
 * and cannot be told to release a slot when a player's stream is cancelled. Here the owner of a stream holds a
 * {@link Ticket} until the stream ends, whatever way it ends, and {@link Ticket#release()} is idempotent.
 */
public final class AdmissionQueue {
    /** Runs a task after a delay (a Vert.x timer in the service, an executor in tests). */
    public interface Timer {
        void after(Duration delay, Runnable task);
    }

    /** Why a ticket was refused: no slot, and no place in the queue for its priority. */
    public static final class Busy extends RuntimeException {
        private Busy() {
            super("no stream slot and no place in the queue", null, false, false);
        }
    }

    private static final Busy BUSY = new Busy();

    private final int maxConcurrent;
    private final int maxQueued;
    private final int maxQueuedNormal;
    private final Slots slots;
    private final Timer timer;
    private final Duration poll;
    private final String replica = UUID.randomUUID().toString();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Priority, ArrayDeque<Ticket>> queues = new EnumMap<>(Priority.class);
    private final Map<Priority, LongAdder> admitted = new EnumMap<>(Priority.class);
    private final Map<Priority, LongAdder> refused = new EnumMap<>(Priority.class);
    private final LongAdder localOnly = new LongAdder();
    private int running;
    /** A try for a shared slot is under way (for the first in line). */
    private boolean trying;
    private boolean pollScheduled;

    /** Only this replica's limit. */
    public AdmissionQueue(int maxConcurrent, int maxQueued, int maxQueuedNormal) {
        this(maxConcurrent, maxQueued, maxQueuedNormal, Slots.LOCAL, (delay, task) -> { }, Duration.ofMillis(50));
    }

    public AdmissionQueue(int maxConcurrent, int maxQueued, int maxQueuedNormal, Slots slots, Timer timer,
                          Duration poll) {
        if (maxConcurrent < 1 || maxQueued < 0 || maxQueuedNormal < 0) {
            throw new IllegalArgumentException(
                    "max-concurrent must be >= 1, max-queued and max-queued-normal >= 0");
        }
        this.maxConcurrent = maxConcurrent;
        this.maxQueued = maxQueued;
        this.maxQueuedNormal = Math.min(maxQueuedNormal, maxQueued);
        this.slots = slots;
        this.timer = timer;
        this.poll = poll;
        for (Priority p : Priority.values()) {
            queues.put(p, new ArrayDeque<>());
            admitted.put(p, new LongAdder());
            refused.put(p, new LongAdder());
        }
    }

    /**
     * A ticket: admitted at once, queued, or refused at once ({@link Ticket#admitted()} already failed with
     * {@link Busy}). A queued ticket is admitted later, or refused if it was let in only to try a free-looking slot
     * that the other replicas had taken.
     */
    public Ticket enter(Priority priority) {
        Ticket ticket = new Ticket(priority, replica + ":" + ids.incrementAndGet());
        boolean refuse;
        synchronized (this) {
            // the first in line, as many as this replica has free slots, are on their way to a slot (being tried
            // against the shared count, one at a time): they are not waiting for one
            int waiting = Math.max(0, queuedLocked() - (maxConcurrent - running));
            int room = priority == Priority.HIGH ? maxQueued : maxQueuedNormal;
            boolean slotLooksFree = queuedLocked() < maxConcurrent - running;
            refuse = !slotLooksFree && waiting >= room;
            if (refuse) {
                ticket.state = State.REFUSED;
            } else {
                ticket.mayWait = waiting < room;
                queues.get(priority).addLast(ticket);
            }
        }
        if (refuse) {
            refuse(ticket);
        } else {
            pump();
        }
        return ticket;
    }

    public synchronized int running() {
        return running;
    }

    public synchronized int queued() {
        return queuedLocked();
    }

    public synchronized int queued(Priority priority) {
        return queues.get(priority).size();
    }

    /** Tickets of this priority admitted since start. */
    public long admitted(Priority priority) {
        return admitted.get(priority).sum();
    }

    /** Tickets of this priority refused ({@link Busy}) since start. */
    public long refused(Priority priority) {
        return refused.get(priority).sum();
    }

    /** Admissions made under this replica's limit alone because the shared slots could not be read. */
    public long localOnlyAdmissions() {
        return localOnly.sum();
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    public int maxQueued() {
        return maxQueued;
    }

    public int maxQueuedNormal() {
        return maxQueuedNormal;
    }

    /** {@code off}, {@code redis} or {@code local}; see {@link Slots#mode()}. */
    public String clusterMode() {
        return slots.mode();
    }

    private int queuedLocked() {
        return queues.get(Priority.HIGH).size() + queues.get(Priority.NORMAL).size();
    }

    private Ticket firstInLineLocked() {
        Ticket high = queues.get(Priority.HIGH).peekFirst();
        return high != null ? high : queues.get(Priority.NORMAL).peekFirst();
    }

    /** Admits the first in line for as long as slots are free; one try for a shared slot at a time. */
    private void pump() {
        while (true) {
            Ticket first;
            synchronized (this) {
                if (trying || running >= maxConcurrent) {
                    return;
                }
                first = firstInLineLocked();
                if (first == null) {
                    return;
                }
                trying = true;
            }
            CompletableFuture<Slots.Grant> grant;
            try {
                grant = slots.take(first.holder).toCompletableFuture();
            } catch (RuntimeException e) {
                grant = CompletableFuture.completedFuture(Slots.Grant.UNAVAILABLE);
            }
            if (!grant.isDone()) {
                grant.whenComplete((g, failure) -> {
                    if (settle(first, g == null ? Slots.Grant.UNAVAILABLE : g)) {
                        pump();
                    }
                });
                return;
            }
            if (!settle(first, grant.exceptionally(failure -> Slots.Grant.UNAVAILABLE).join())) {
                return;
            }
        }
    }

    /** The answer to a try for {@code ticket}; true when the next in line may be tried at once. */
    private boolean settle(Ticket ticket, Slots.Grant grant) {
        boolean admit = false;
        List<Ticket> refusedNow = new ArrayList<>(1);
        boolean giveBack = false;
        boolean schedulePoll = false;
        synchronized (this) {
            trying = false;
            if (grant == Slots.Grant.FULL) {
                // those let in only to try a free-looking slot do not wait for one
                for (ArrayDeque<Ticket> queue : queues.values()) {
                    queue.removeIf(t -> {
                        if (t.mayWait) {
                            return false;
                        }
                        t.state = State.REFUSED;
                        refusedNow.add(t);
                        return true;
                    });
                }
                if (!pollScheduled && queuedLocked() > 0) {
                    pollScheduled = true;
                    schedulePoll = true;
                }
            } else if (ticket.state != State.QUEUED) { // it left while we were trying
                giveBack = grant == Slots.Grant.TAKEN;
            } else {
                queues.get(ticket.priority).remove(ticket);
                running++;
                ticket.state = State.ADMITTED;
                ticket.shared = grant == Slots.Grant.TAKEN;
                admit = true;
            }
        }
        refusedNow.forEach(this::refuse);
        if (schedulePoll) {
            timer.after(poll, () -> {
                synchronized (this) {
                    pollScheduled = false;
                }
                pump();
            });
        }
        if (giveBack) {
            slots.give(ticket.holder);
        }
        if (admit) {
            admitted.get(ticket.priority).increment();
            if (grant == Slots.Grant.UNAVAILABLE) {
                localOnly.increment();
            }
            ticket.admitted.complete(null);
        }
        return grant != Slots.Grant.FULL;
    }

    private void refuse(Ticket ticket) {
        refused.get(ticket.priority).increment();
        ticket.admitted.completeExceptionally(BUSY);
    }

    private void release(Ticket ticket) {
        boolean shared;
        synchronized (this) {
            State was = ticket.state;
            ticket.state = State.RELEASED;
            if (was == State.QUEUED) {
                queues.get(ticket.priority).remove(ticket);
                return;
            }
            if (was != State.ADMITTED) {
                return;
            }
            running--;
            shared = ticket.shared;
        }
        if (shared) { // the shared count drops before the next in line tries it
            slots.give(ticket.holder).whenComplete((done, failure) -> pump());
        } else {
            pump();
        }
    }

    private enum State { QUEUED, ADMITTED, REFUSED, RELEASED }

    /** A place in the queue or a slot; released exactly once, however the stream ends. */
    public final class Ticket {
        private final CompletableFuture<Void> admitted = new CompletableFuture<>();
        private final Priority priority;
        private final String holder;
        private State state = State.QUEUED;
        /** False when it entered only because a slot looked free: refused rather than queued if none was. */
        private boolean mayWait;
        /** Holds a shared slot to give back. */
        private boolean shared;

        private Ticket(Priority priority, String holder) {
            this.priority = priority;
            this.holder = holder;
        }

        /** Completes when the ticket gets a slot; fails with {@link Busy} when it is refused. */
        public CompletableFuture<Void> admitted() {
            return admitted;
        }

        /** True when refused: the rules answer, there is nothing to wait for. */
        public boolean refused() {
            return admitted.isCompletedExceptionally();
        }

        public Priority priority() {
            return priority;
        }

        /** Gives the slot (or the place in the queue) back; later calls do nothing. */
        public void release() {
            AdmissionQueue.this.release(this);
        }
    }
}
