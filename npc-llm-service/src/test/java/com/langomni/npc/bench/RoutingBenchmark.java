package com.langomni.npc.bench;

import com.langomni.api.npc.NpcReplyRequest;
import com.langomni.npc.client.NpcReplicas;
import com.langomni.npc.domain.AffinityKey;
import com.langomni.npc.domain.NpcPromptBuilder;
import com.langomni.npc.domain.ReplicaRouter;
import com.langomni.npc.domain.RoutingStrategy;
import com.langomni.npc.service.GeneratedLine;
import com.langomni.npc.service.LlmLineGenerator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Routing benchmark, not a test (never run by {@code verify}; run it with
 * {@code ./mvnw -B -o -pl npc-llm-service verify -Pbench}). Compares round robin with affinity + load on four
 * simulated 8B replicas ({@link BenchReplicas}) at several loads, driving the service's own router, prompt builder
 * and streaming client (the HTTP resource in front of them is left out: it is the same for every strategy).
 * <p>
 * Workload: closed loop, N players each talking to one of {@code bench.npcs} NPCs (long personas and
 * knowledge: a ~900-token shared prefix per NPC) for {@code bench.turns} turns, then to another NPC chosen at
 * random; no think time, so N is the number of requests in flight. Every strategy starts with empty prefix
 * caches; the first {@code bench.warmup-s} seconds are not measured. Writes {@code target/bench/routing.md}.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@EnabledIfSystemProperty(named = "langomni.bench", matches = "true")
class RoutingBenchmark {
    private static final String[] SYLLABLES = {"ka", "lo", "mer", "tun", "vi", "sha", "dor", "en", "ri", "bal",
            "ost", "wyn", "ga", "thel", "um", "sar", "ke", "lin", "mo", "quor"};

    private final List<Integer> loads = ints(System.getProperty("bench.loads", "8,32,64,128"));
    private final int npcs = Integer.getInteger("bench.npcs", 48);
    private final int turns = Integer.getInteger("bench.turns", 6);
    private final int warmupS = Integer.getInteger("bench.warmup-s", 5);
    private final int measureS = Integer.getInteger("bench.measure-s", 15);

    @Inject
    LlmLineGenerator generator;
    @Inject
    NpcPromptBuilder prompts;
    @Inject
    ReplicaRouter router;
    @Inject
    NpcReplicas replicas;
    @Inject
    MeterRegistry registry;

    record Setup(String label, RoutingStrategy strategy, AffinityKey key) {
    }

    record Result(Setup setup, int players, int replies, int errors, double seconds, double[] ttftMs,
                  double[] e2eMs, double[] hitRate, double[] share, double diverted, double cpuLoad) {
        double throughput() {
            return replies / seconds;
        }
    }

    @Test
    void roundRobinAgainstAffinity() throws Exception {
        List<Setup> setups = List.of(new Setup("round-robin", RoutingStrategy.ROUND_ROBIN, AffinityKey.CONVERSATION),
                new Setup("affinity+load (conversation)", RoutingStrategy.AFFINITY, AffinityKey.CONVERSATION),
                new Setup("affinity+load (npc)", RoutingStrategy.AFFINITY, AffinityKey.NPC));
        List<Npc> world = world();
        List<Result> results = new ArrayList<>();
        Instant started = Instant.now();
        for (int players : loads) {
            for (Setup setup : setups) {
                Result r = run(setup, players, world);
                results.add(r);
                System.out.printf(Locale.ROOT, "BENCH %-30s players=%3d replies/s=%6.1f ttft p50/p95=%5.0f/%5.0f ms "
                                + "e2e p50/p95=%5.0f/%5.0f ms hit=%s errors=%d%n", setup.label(), players,
                        r.throughput(), pct(r.ttftMs(), 50), pct(r.ttftMs(), 95), pct(r.e2eMs(), 50),
                        pct(r.e2eMs(), 95), fmt(r.hitRate()), r.errors());
            }
        }
        router.strategy(RoutingStrategy.AFFINITY);
        router.affinityKey(AffinityKey.CONVERSATION);
        write(results, started);
    }

    private Result run(Setup setup, int players, List<Npc> world) throws Exception {
        router.strategy(setup.strategy());
        router.affinityKey(setup.key());
        BenchReplicas.resetPrefixCaches();
        long t0 = System.nanoTime();
        long measureFrom = t0 + TimeUnit.SECONDS.toNanos(warmupS);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(measureS);
        Samples samples = new Samples(measureFrom, measureTo);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            Player p = new Player("player-" + i, new Random(1000L * players + i), world);
            CompletableFuture<Void> finished = new CompletableFuture<>();
            done.add(finished);
            turn(p, samples, measureTo, finished);
        }
        TimeUnit.NANOSECONDS.sleep(measureFrom - System.nanoTime()); // a benchmark window, not a wait on a condition
        double[] hitsBefore = metric("vllm:prefix_cache_hits_total");
        double[] queriesBefore = metric("vllm:prefix_cache_queries_total");
        double[] servedBefore = metric("vllm:request_success_total");
        double divertedBefore = counter("diverted");
        double routedBefore = counter(null);
        double cpu = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        TimeUnit.NANOSECONDS.sleep(measureTo - System.nanoTime());
        double[] hitRate = ratio(delta(metric("vllm:prefix_cache_hits_total"), hitsBefore),
                delta(metric("vllm:prefix_cache_queries_total"), queriesBefore));
        double[] served = delta(metric("vllm:request_success_total"), servedBefore);
        double total = Arrays.stream(served).sum();
        double[] share = Arrays.stream(served).map(s -> total == 0 ? 0 : s / total).toArray();
        double routed = counter(null) - routedBefore;
        double diverted = routed == 0 ? 0 : (counter("diverted") - divertedBefore) / routed;
        double load = Math.max(cpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        return new Result(setup, players, samples.count(), samples.errors.intValue(), measureS, samples.ttft(),
                samples.e2e(), hitRate, share, diverted, load);
    }

    private void turn(Player p, Samples samples, long stopAt, CompletableFuture<Void> finished) {
        if (System.nanoTime() >= stopAt) {
            finished.complete(null);
            return;
        }
        NpcReplyRequest request = p.next();
        long start = System.nanoTime();
        generator.generate(router.key(request.npcId(), request.playerId()), prompts.build(request), request.npcName())
                .subscribe().with(line -> {
                    samples.add(start, System.nanoTime(), line);
                    p.heard(line.text());
                    turn(p, samples, stopAt, finished);
                }, failure -> {
                    samples.error(start);
                    p.heard("...");
                    turn(p, samples, stopAt, finished);
                });
    }

    private double counter(String decision) {
        return registry.find("langomni.npc.router.decisions").counters().stream()
                .filter(c -> decision == null || decision.equals(c.getId().getTag("decision")))
                .mapToDouble(Counter::count).sum();
    }

    private static double[] metric(String name) {
        return BenchReplicas.SIMS.stream().mapToDouble(s -> s.metric(name)).toArray();
    }

    private static double[] delta(double[] now, double[] before) {
        double[] d = new double[now.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = now[i] - before[i];
        }
        return d;
    }

    private static double[] ratio(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = b[i] <= 0 ? 0 : a[i] / b[i];
        }
        return r;
    }

    /** Requests that started after the warm-up and ended inside the window. */
    static final class Samples {
        private final long from;
        private final long to;
        private final List<double[]> ok = new ArrayList<>();
        final AtomicLong errors = new AtomicLong();

        Samples(long from, long to) {
            this.from = from;
            this.to = to;
        }

        synchronized void add(long start, long end, GeneratedLine line) {
            if (start >= from && end <= to) {
                ok.add(new double[] {line.ttftNanos() / 1e6, (end - start) / 1e6});
            }
        }

        void error(long start) {
            if (start >= from && start <= to) {
                errors.incrementAndGet();
            }
        }

        synchronized int count() {
            return ok.size();
        }

        synchronized double[] ttft() {
            return ok.stream().mapToDouble(s -> s[0]).sorted().toArray();
        }

        synchronized double[] e2e() {
            return ok.stream().mapToDouble(s -> s[1]).sorted().toArray();
        }
    }

    record Npc(String id, String name, String persona, List<String> knowledge, String greeting) {
    }

    /** One simulated player: a few turns with one NPC, then another; remembers the conversation. */
    final class Player {
        private final String id;
        private final Random random;
        private final List<Npc> world;
        private final List<String> conversation = new ArrayList<>();
        private Npc npc;
        private int turn;

        Player(String id, Random random, List<Npc> world) {
            this.id = id;
            this.random = random;
            this.world = world;
        }

        NpcReplyRequest next() {
            if (npc == null || turn >= turns) {
                npc = world.get(random.nextInt(world.size()));
                conversation.clear();
                turn = 0;
            }
            turn++;
            String words = words(random, 8 + random.nextInt(8)) + "?";
            List<String> memories = List.of(id + " once " + words(random, 10), id + " asked about "
                    + words(random, 6), id + " paid " + random.nextInt(50) + " coins");
            NpcReplyRequest r = new NpcReplyRequest(npc.id(), npc.name(), npc.persona(), npc.knowledge(),
                    npc.greeting(), id, id, null, words, memories, List.copyOf(conversation));
            conversation.add(id + ": " + words);
            return r;
        }

        void heard(String reply) {
            conversation.add(npc.name() + ": " + reply);
            if (conversation.size() > 24) {
                conversation.subList(0, conversation.size() - 24).clear();
            }
        }
    }

    private List<Npc> world() {
        Random random = new Random(42);
        List<Npc> world = new ArrayList<>();
        for (int i = 0; i < npcs; i++) {
            String name = capitalised(words(random, 1));
            StringBuilder persona = new StringBuilder();
            while (persona.length() < 1400) {
                persona.append(capitalised(words(random, 12))).append(". ");
            }
            List<String> knowledge = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                knowledge.add(capitalised(words(random, 26)) + ".");
            }
            world.add(new Npc("npc-" + i, name, persona.toString().strip(), knowledge,
                    "Well met, " + words(random, 3) + "."));
        }
        return world;
    }

    private static String words(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < n; w++) {
            if (w > 0) {
                s.append(' ');
            }
            int syllables = 1 + random.nextInt(3);
            for (int k = 0; k < syllables; k++) {
                s.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
        }
        return s.toString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String fmt(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.0f%%", v * 100)).toList().toString();
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    private void write(List<Result> results, Instant started) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# NPC routing benchmark: round robin vs affinity + load\n\n")
                .append("Generated by `./mvnw -B -o -pl npc-llm-service verify -Pbench` (")
                .append(RoutingBenchmark.class.getName()).append(") on ").append(started).append(".\n\n")
                .append("- Replicas: ").append(BenchReplicas.REPLICAS).append(" llm-simulator processes, profile ")
                .append("`npc-8b` (H100 timing), prefix caching on, `SIM_KV_CACHE_BLOCKS=").append(BenchReplicas.KV_BLOCKS)
                .append("` (32k tokens each: four 8B replicas sharing two 48 GB GPUs, see BenchReplicas).\n")
                .append("- Workload: closed loop, no think time (players = requests in flight); ").append(npcs)
                .append(" NPCs with ~900-token personas + knowledge; ").append(turns)
                .append(" turns per conversation, then another NPC at random; conversation history and 3 memories ")
                .append("in every prompt; max_tokens ").append("80 (NPC lines).\n")
                .append("- Each cell: prefix caches reset, ").append(warmupS).append(" s warm-up, ").append(measureS)
                .append(" s measured. TTFT = request sent to first token; e2e = whole line. Hit rate = prefix-cache ")
                .append("hit tokens / queried tokens per replica over the window. Machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores shared with other work ")
                .append("(load average shown).\n\n")
                .append("| players | strategy | replies/s | TTFT p50 | TTFT p95 | e2e p50 | e2e p95 | prefix hit rate per ")
                .append("replica | share of requests | diverted | errors | load avg |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---|---|---:|---:|---:|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %s | %s | "
                            + "%.1f%% | %d | %.1f |%n", r.players(), r.setup().label(), r.throughput(),
                    pct(r.ttftMs(), 50), pct(r.ttftMs(), 95), pct(r.e2eMs(), 50), pct(r.e2eMs(), 95), fmt(r.hitRate()),
                    fmt(r.share()), r.diverted() * 100, r.errors(), r.cpuLoad()));
        }
        md.append("\n## Affinity + load against round robin, same load\n\n")
                .append("| players | strategy | throughput × RR | TTFT p95 ÷ RR |\n|---:|---|---:|---:|\n");
        for (Result r : results) {
            Result rr = results.stream().filter(x -> x.players() == r.players()
                    && x.setup().strategy() == RoutingStrategy.ROUND_ROBIN).findFirst().orElseThrow();
            if (r != rr) {
                md.append(String.format(Locale.ROOT, "| %d | %s | %.2f | %.2f |%n", r.players(), r.setup().label(),
                        r.throughput() / rr.throughput(), pct(r.ttftMs(), 95) / pct(rr.ttftMs(), 95)));
            }
        }
        Path out = Path.of("target", "bench", "routing.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println("BENCH results written to " + out.toAbsolutePath());
        System.out.println(md);
    }
}
