package com.langomni.simulator.rest;

import com.langomni.simulator.domain.Fault;
import com.langomni.simulator.domain.GenerationListener;
import com.langomni.simulator.service.EngineDriver;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Streams one request as Server-Sent Events: {@code data: {chunk}\n\n} per token, an optional usage chunk,
 * then {@code data: [DONE]}. Tokens arrive on the engine thread and are written on the request's event
 * loop; tokens that pile up between two writes go out in one write.
 */
final class StreamingReply implements GenerationListener {
    private static final long CRASH_AFTER_LAST_WORD_MS = 50;
    private final Context context;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final OpenAiFormat format;
    private final boolean chat;
    private final boolean includeUsage;
    private final Fault fault;
    private final int faultAfterTokens;
    private final EngineDriver engine;
    private final ConcurrentLinkedQueue<Token> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    // event-loop state
    private long sequenceId;
    private boolean over;

    StreamingReply(Context context, HttpServerRequest request, OpenAiFormat format, CompletionRequest parsed,
                   Fault fault, int faultAfterTokens, EngineDriver engine) {
        this.context = context;
        this.request = request;
        this.response = request.response();
        this.format = format;
        this.chat = parsed.kind() == Kind.CHAT;
        this.includeUsage = parsed.includeUsage();
        this.fault = fault;
        this.faultAfterTokens = faultAfterTokens;
        this.engine = engine;
    }

    /** Sends the headers at once, as vLLM does, and drops the sequence if the client goes away. */
    void start(long id) {
        sequenceId = id;
        response.setChunked(true)
                .putHeader("content-type", "text/event-stream; charset=utf-8")
                .putHeader("cache-control", "no-cache");
        response.closeHandler(v -> {
            over = true;
            engine.abort(id);
        });
        response.writeHead();
    }

    @Override
    public void onToken(Token token) {
        pending.add(token);
        if (flushScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> flush());
        }
    }

    private void flush() {
        flushScheduled.set(false);
        StringBuilder out = new StringBuilder();
        boolean end = false;
        boolean broken = false;
        Token token;
        while ((token = pending.poll()) != null) {
            if (over) {
                continue;
            }
            if (breaksBefore(token)) {
                over = true;
                broken = true;
                continue;
            }
            if (chat && token.index() == 0) {
                out.append(format.roleChunk());
            }
            out.append(format.tokenChunk(token.text(), token.finish()));
            if (token.last()) {
                if (includeUsage) {
                    out.append(format.usageChunk(token.usage()));
                }
                out.append(OpenAiFormat.DONE);
                over = true;
                end = true;
            }
        }
        if (response.closed()) {
            return;
        }
        if (!out.isEmpty()) {
            response.write(out.toString());
        }
        if (end) {
            response.end();
        } else if (broken) {
            breakStream();
        }
    }

    /** A stalled or crashing stream stops after {@code faultAfterTokens}, and always before the last token. */
    private boolean breaksBefore(Token token) {
        return (fault == Fault.STALL || fault == Fault.CRASH)
                && (token.index() >= faultAfterTokens || token.last());
    }

    private void breakStream() {
        engine.abort(sequenceId);
        if (fault == Fault.CRASH) {
            // a dying server stops between two tokens: the connection drops a moment after the last word went out,
            // not in the same write, or a client could see the reset before the words it had already been sent
            context.owner().setTimer(CRASH_AFTER_LAST_WORD_MS, id -> request.connection().close());
        }
        // a stall keeps the connection open and silent until the client gives up
    }
}
