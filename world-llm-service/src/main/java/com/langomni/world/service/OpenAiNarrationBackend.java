package com.langomni.world.service;

import com.langomni.api.narration.FallbackReason;
import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.llm.openai.ChatMessage;
import com.langomni.world.client.Completion;
import com.langomni.world.client.LlmTimeoutException;
import com.langomni.world.client.WorldModelClient;
import com.langomni.world.config.WorldConfig;
import com.langomni.words.NarrationPrompt;
import com.langomni.words.Prompt;
import com.langomni.words.PromptLimits;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Narrates with the world model and streams its words; the rule narrator answers whenever the model cannot:
 * queue full ({@code busy}), circuit open, no first word within the first-token timeout or no end within the
 * total timeout ({@code timeout}, measured from arrival, queueing included), or any error. If the model fails
 * after words were sent, the final chunk still carries the rules' text, which replaces them.
 */
@ApplicationScoped
public class OpenAiNarrationBackend implements NarrationBackend {
    public static final String NAME = "openai";

    private final WorldConfig.Llm config;
    private final WorldModelClient llm;
    private final RulesNarrationBackend rules;
    private final LlmMetrics metrics;
    private final NarrationPrompt prompts;
    private final NarrationAdmission admission;

    public OpenAiNarrationBackend(WorldConfig world, WorldModelClient llm, RulesNarrationBackend rules,
                                  LlmMetrics metrics, NarrationAdmission admission) {
        this.config = world.llm();
        this.llm = llm;
        this.rules = rules;
        this.metrics = metrics;
        WorldConfig.Prompt p = world.prompt();
        this.prompts = new NarrationPrompt(new PromptLimits(p.playerTextChars(), p.recentEvents(),
                p.recentEventChars(), p.historyItems(), p.historyItemChars(), p.totalChars()));
        this.admission = admission;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Multi<NarrationChunk> stream(NarrationRequest request) {
        return Multi.createFrom().emitter(emitter -> new Narration(request, emitter).start(),
                BackPressureStrategy.BUFFER);
    }

    /** One request's run: its clock, its slot, its upstream call. */
    private final class Narration {
        private final long start = System.nanoTime();
        private final NarrationRequest request;
        private final Priority priority;
        private final MultiEmitter<? super NarrationChunk> out;
        private final AtomicReference<Cancellable> call = new AtomicReference<>();
        private volatile boolean started;
        private volatile boolean finished;

        Narration(NarrationRequest request, MultiEmitter<? super NarrationChunk> out) {
            this.request = request;
            this.priority = Priority.of(request.priority());
            this.out = out;
        }

        void start() {
            AdmissionQueue.Ticket ticket = admission.enter(priority);
            if (ticket.refused()) {
                fallback(FallbackReason.BUSY, null);
                return;
            }
            // whatever ends the stream (answer, fallback, the caller leaving) frees the slot and stops the model
            out.onTermination(() -> {
                Cancellable running = call.getAndSet(null);
                if (running != null) {
                    running.cancel();
                }
                ticket.release();
                if (!finished) { // the caller left before the final chunk
                    metrics.finished(LlmMetrics.CANCELLED, System.nanoTime() - start, null);
                }
            });
            List<ChatMessage> messages = messages(prompts.build(request));
            int maxTokens = maxTokens(request.maxTokens(), config.maxTokens());
            // a queued ticket waits at most until the first-token deadline; then it leaves the queue (onTermination)
            Cancellable running = Uni.createFrom().completionStage(ticket.admitted())
                    .ifNoItem().after(left(config.firstTokenTimeout()))
                    .failWith(() -> new LlmTimeoutException("queued past the first-token timeout"))
                    .chain(() -> llm.complete(messages, maxTokens, left(config.firstTokenTimeout()),
                            left(config.totalTimeout()), this::delta))
                    .subscribe().with(this::answered, this::failed);
            call.set(running);
            if (out.isCancelled() && call.compareAndSet(running, null)) {
                running.cancel(); // the caller left while we were starting
            }
        }

        private void delta(String text) {
            if (!started) {
                started = true;
                metrics.firstToken(System.nanoTime() - start);
            }
            out.emit(NarrationChunk.delta(text));
        }

        private void answered(Completion completion) {
            call.set(null);
            finished = true;
            metrics.finished(LlmMetrics.LLM, System.nanoTime() - start, completion.usage());
            out.emit(NarrationChunk.llm(completion.text(), completion.usage()));
            out.complete();
        }

        private void failed(Throwable failure) {
            call.set(null);
            fallback(reason(failure), failure);
        }

        private void fallback(FallbackReason reason, Throwable failure) {
            finished = true;
            metrics.finished(reason.tag(), System.nanoTime() - start, null);
            metrics.degraded(priority, reason);
            if (reason == FallbackReason.ERROR) {
                Log.warnf("World LLM failed%s, the rules narrate: %s", started ? " mid-stream" : "", failure);
            } else {
                Log.debugf("World LLM %s, the rules narrate", reason);
            }
            out.emit(rules.answer(request, reason));
            out.complete();
        }

        /** What remains of a budget that started at the request's arrival (at least 1 ms). */
        private Duration left(Duration budget) {
            long leftNanos = budget.toNanos() - (System.nanoTime() - start);
            return Duration.ofNanos(Math.max(leftNanos, 1_000_000));
        }
    }

    private static List<ChatMessage> messages(Prompt prompt) {
        return List.of(ChatMessage.system(prompt.system()), ChatMessage.user(prompt.user()));
    }

    /** The answer length asked of the model: the request's when it sizes one, never above the configured cap. */
    static int maxTokens(int requested, int configured) {
        return requested > 0 ? Math.min(requested, configured) : configured;
    }

    static FallbackReason reason(Throwable failure) {
        if (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof AdmissionQueue.Busy) {
            return FallbackReason.BUSY;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return FallbackReason.CIRCUIT_OPEN;
        }
        if (failure instanceof LlmTimeoutException) {
            return FallbackReason.TIMEOUT;
        }
        return FallbackReason.ERROR;
    }
}
