package com.langomni.simulator.rest;

import com.langomni.simulator.domain.Fault;
import com.langomni.simulator.domain.GenerationListener;
import com.langomni.simulator.service.EngineDriver;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;

/** Collects a non-streaming answer and sends it whole when the last token is generated. */
final class JsonReply implements GenerationListener {
    private final Context context;
    private final HttpServerRequest request;
    private final OpenAiFormat format;
    private final Fault fault;
    private final int faultAfterTokens;
    private final EngineDriver engine;
    // engine-thread state
    private final StringBuilder text = new StringBuilder();
    private boolean broken;
    // event-loop state
    private long sequenceId;

    JsonReply(Context context, HttpServerRequest request, OpenAiFormat format, Fault fault, int faultAfterTokens,
              EngineDriver engine) {
        this.context = context;
        this.request = request;
        this.format = format;
        this.fault = fault;
        this.faultAfterTokens = faultAfterTokens;
        this.engine = engine;
    }

    void start(long id) {
        sequenceId = id;
        request.response().closeHandler(v -> engine.abort(id));
    }

    @Override
    public void onToken(Token token) {
        if (broken) {
            return;
        }
        if ((fault == Fault.STALL || fault == Fault.CRASH) && (token.index() >= faultAfterTokens || token.last())) {
            broken = true;
            context.runOnContext(v -> breakReply());
            return;
        }
        text.append(token.text());
        if (token.last()) {
            String body = format.completeResponse(text.toString(), token.finish(), token.usage());
            context.runOnContext(v -> {
                if (!request.response().closed()) {
                    request.response().putHeader("content-type", "application/json").end(body);
                }
            });
        }
    }

    private void breakReply() {
        engine.abort(sequenceId);
        if (fault == Fault.CRASH) {
            request.connection().close();
        }
    }
}
