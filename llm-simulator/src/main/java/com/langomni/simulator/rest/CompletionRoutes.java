package com.langomni.simulator.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.simulator.config.SimConfig;
import com.langomni.simulator.domain.ContextWindow;
import com.langomni.simulator.domain.EngineSettings;
import com.langomni.simulator.domain.Fault;
import com.langomni.simulator.domain.FaultPlan;
import com.langomni.simulator.domain.GenerationListener;
import com.langomni.simulator.domain.GenerationRequest;
import com.langomni.simulator.service.EngineDriver;
import com.langomni.simulator.service.FaultInjector;
import com.langomni.simulator.service.ModelLoading;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * POST /v1/chat/completions and /v1/completions. Plain Vert.x routes rather than JAX-RS because the
 * simulator must control the wire exactly: vLLM's SSE framing, headers before the first token, and
 * faults that stall or drop a connection mid-stream.
 */
@ApplicationScoped
public class CompletionRoutes {
    private final EngineDriver engine;
    private final FaultInjector faults;
    private final ModelLoading loading;
    private final SimConfig config;
    private final ObjectMapper json;
    private final PromptLog prompts;

    public CompletionRoutes(EngineDriver engine, FaultInjector faults, ModelLoading loading, SimConfig config,
                            ObjectMapper json, PromptLog prompts) {
        this.prompts = prompts;
        this.engine = engine;
        this.faults = faults;
        this.loading = loading;
        this.config = config;
        this.json = json;
    }

    void register(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(config.maxRequestBytes());
        router.post("/v1/chat/completions").handler(body).handler(ctx -> serve(ctx, Kind.CHAT));
        router.post("/v1/completions").handler(body).handler(ctx -> serve(ctx, Kind.COMPLETION));
    }

    private void serve(RoutingContext ctx, Kind kind) {
        try {
            accept(ctx, kind);
        } catch (VllmRefusal e) {
            send(ctx.response(), e.error());
        } catch (RuntimeException e) {
            Log.error("Unexpected error serving a completion", e);
            send(ctx.response(), VllmError.of(500, "internal error"));
        }
    }

    private void accept(RoutingContext ctx, Kind kind) {
        if (loading.loading()) {
            throw new VllmRefusal(503, "The model is still loading.");
        }
        EngineSettings settings = engine.settings();
        CompletionRequest request = CompletionRequest.parse(kind, readJson(ctx));
        PromptLog.Recorded recorded = prompts.record(request.received());
        if (request.model() != null && !request.model().equals(settings.servedModelName())) {
            throw new VllmRefusal(404, "The model `" + request.model() + "` does not exist.");
        }
        ContextWindow.Decision window = ContextWindow.decide(request.promptTokens().length, request.maxTokens(),
                settings);
        if (!window.ok()) {
            throw new VllmRefusal(400, window.error());
        }
        FaultPlan plan = faults.plan();
        Fault fault = faults.draw(plan);
        if (fault == Fault.ERROR) {
            throw new VllmRefusal(500, "Simulated internal server error (injected fault).");
        }
        if (fault == Fault.HANG) {
            return; // accepted, never answered
        }

        String id = kind.idPrefix + UUID.randomUUID().toString().replace("-", "");
        OpenAiFormat format = new OpenAiFormat(kind, id, System.currentTimeMillis() / 1000,
                settings.servedModelName());
        String structured = request.structuredAnswer();
        // a structured answer is a few tokens of engine time whose text is the deterministic JSON
        GenerationRequest generation = structured == null
                ? new GenerationRequest(request.promptTokens(), window.maxTokens(), request.ignoreEos(), request.seed())
                : new GenerationRequest(request.promptTokens(), Math.min(window.maxTokens(), STRUCTURED_TOKENS), true,
                        request.seed());
        if (request.stream()) {
            StreamingReply reply = new StreamingReply(ctx.vertx().getOrCreateContext(), ctx.request(), format,
                    request, fault, plan.faultAfterTokens(), engine);
            reply.start(submit(generation, answered(structured, recorded == null ? reply : recorded.listening(reply))));
        } else {
            JsonReply reply = new JsonReply(ctx.vertx().getOrCreateContext(), ctx.request(), format, fault,
                    plan.faultAfterTokens(), engine);
            reply.start(submit(generation, answered(structured, recorded == null ? reply : recorded.listening(reply))));
        }
    }

    /** Engine tokens spent on a structured answer (its text is sent whole with the first of them). */
    static final int STRUCTURED_TOKENS = 4;

    /** The listener, its generated text replaced by {@code structured} when that is set. */
    private static GenerationListener answered(String structured, GenerationListener reply) {
        if (structured == null) {
            return reply;
        }
        return token -> reply.onToken(new GenerationListener.Token(token.index() == 0 ? structured : "",
                token.index(), token.finish(), token.usage()));
    }

    private long submit(GenerationRequest generation, GenerationListener reply) {
        OptionalLong id = engine.submit(generation, reply);
        if (id.isEmpty()) {
            throw new VllmRefusal(config.queueFullStatus(),
                    "The server is overloaded: its request queue is full. Please retry later.");
        }
        return id.getAsLong();
    }

    private JsonNode readJson(RoutingContext ctx) {
        try {
            return json.readTree(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        } catch (JsonProcessingException e) {
            throw new VllmRefusal(400, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new VllmRefusal(400, "unreadable request body");
        }
    }

    private void send(HttpServerResponse response, VllmError error) {
        try {
            response.setStatusCode(error.code())
                    .putHeader("content-type", "application/json")
                    .end(json.writeValueAsString(error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
