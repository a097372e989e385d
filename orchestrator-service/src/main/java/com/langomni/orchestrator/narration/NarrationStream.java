package com.langomni.orchestrator.narration;

import com.langomni.api.narration.NarrationChunk;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Reads a narration stream down to its final chunk under two deadlines: one for the first chunk (a backend stuck
 * in its queue) and one for the whole stream. Mutiny's per-item timeout cannot tell the two apart, hence the
 * emitter.
 * <p>
 * Ending early closes the HTTP request, which tells world-llm to stop generating. The REST client can only do
 * that once the response has begun; before that a cancelled request would linger until its read timeout and
 * its failure would be dropped with an error log, so such a request is left to end by itself (or is cancelled
 * as soon as its first chunk shows up) and its late failure is only logged at debug level.
 */
final class NarrationStream {

    private final Consumer<String> onDelta;
    private final UniEmitter<? super NarrationChunk> emitter;
    private Cancellable subscription;
    private boolean started;
    private boolean finished;

    private NarrationStream(Consumer<String> onDelta, UniEmitter<? super NarrationChunk> emitter) {
        this.onDelta = onDelta;
        this.emitter = emitter;
    }

    static Uni<NarrationChunk> finalChunk(Multi<NarrationChunk> chunks, Duration firstChunkTimeout,
                                          Duration streamTimeout, Consumer<String> onDelta) {
        return Uni.createFrom().<NarrationChunk>emitter(emitter -> {
            NarrationStream stream = new NarrationStream(onDelta, emitter);
            Cancellable firstWait = Uni.createFrom().voidItem().onItem().delayIt().by(firstChunkTimeout)
                    .subscribe().with(ignored -> stream.firstChunkDue());
            emitter.onTermination(() -> {
                firstWait.cancel();
                stream.finish();
            });
            stream.subscribe(chunks);
        }).ifNoItem().after(streamTimeout).fail();
    }

    private void subscribe(Multi<NarrationChunk> chunks) {
        Cancellable cancellable = chunks.subscribe().with(this::chunk, this::failed, this::completed);
        synchronized (this) {
            subscription = cancellable;
            if (finished && started) {
                cancellable.cancel();
            }
        }
    }

    private void chunk(NarrationChunk chunk) {
        synchronized (this) {
            started = true;
            if (finished) {
                cancelSubscription();
                return;
            }
        }
        if (chunk.done()) {
            emitter.complete(chunk);
        } else if (chunk.delta() != null && !chunk.delta().isEmpty()) {
            onDelta.accept(chunk.delta());
        }
    }

    private void failed(Throwable failure) {
        if (isFinished()) {
            Log.debugf("A narration stream given up on ended: %s", failure.toString());
        } else {
            emitter.fail(failure);
        }
    }

    private void completed() {
        if (!isFinished()) {
            emitter.fail(new IllegalStateException("the narration stream ended without its final chunk"));
        }
    }

    private synchronized void firstChunkDue() {
        if (!started && !finished) {
            emitter.fail(new TimeoutException());
        }
    }

    /** The result is settled (final chunk, failure or deadline): stop reading, and close the request if it began. */
    private synchronized void finish() {
        finished = true;
        if (started) {
            cancelSubscription();
        }
    }

    private synchronized boolean isFinished() {
        return finished;
    }

    private void cancelSubscription() {
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
