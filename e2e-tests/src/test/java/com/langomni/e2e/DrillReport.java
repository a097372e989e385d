package com.langomni.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one drill counted, from the crowd's side (answers, resends, sequence numbers) and from PostgreSQL's (the
 * event log, the players' rows): written to e2e-tests/target/drills/&lt;drill&gt;.md, then asserted.
 */
final class DrillReport {
    static final Path DIR = Platform.ROOT.resolve("e2e-tests/target/drills");

    private final String drill;
    private final String fault;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    DrillReport(String drill, String fault) {
        this.drill = drill;
        this.fault = fault;
    }

    /**
     * Tallies the crowd's last drill against the event log: every acknowledged action (a {@code result}) has
     * exactly one row, every action refused with an error has none, and each player's stored state is what its
     * applied events add up to, in PostgreSQL and in the hot copy the API serves.
     */
    static DrillReport audit(String drill, String fault, Crowd crowd, EventLogAudit log, Api api) throws SQLException {
        DrillReport report = new DrillReport(drill, fault);
        long actions = 0;
        long acknowledged = 0;
        long lost = 0;
        long duplicated = 0;
        long refusedButApplied = 0;
        long unknown = 0;
        long stateMismatches = 0;
        long hotMismatches = 0;
        Map<String, Long> errors = new TreeMap<>();
        for (CrowdPlayer p : crowd.players) {
            Map<String, CrowdPlayer.Answer> answers = p.answers();
            Map<String, Integer> rows = log.rowsPerAction(p.id, drill + "-" + p.name + "-");
            actions += answers.size() + p.unanswered().size();
            for (Map.Entry<String, CrowdPlayer.Answer> a : answers.entrySet()) {
                int n = rows.getOrDefault(a.getKey(), 0);
                if (a.getValue().isResult()) {
                    acknowledged++;
                    if (n == 0) {
                        lost++;
                        report.problems.add(a.getKey() + " acknowledged, not in the event log");
                    }
                } else {
                    errors.merge(a.getValue().code(), 1L, Long::sum);
                    if (n > 0) {
                        refusedButApplied++;
                        report.problems.add(a.getKey() + " answered error " + a.getValue().code() + " but applied");
                    }
                }
                if (n > 1) {
                    duplicated++;
                    report.problems.add(a.getKey() + " is in the event log " + n + " times");
                }
            }
            for (String id : rows.keySet()) {
                if (!answers.containsKey(id) && !p.unanswered().contains(id)) {
                    unknown++;
                    report.problems.add(id + " is in the event log but was never sent");
                }
            }
            EventLogAudit.State stored = log.stored(p.id);
            EventLogAudit.State replayed = log.replayed(p.id, EventLogAudit.State.of(p.initialPlayer()));
            if (!stored.equals(replayed)) {
                stateMismatches++;
                report.problems.add(p.name + " stored " + stored + " but its events add up to " + replayed);
            }
            Api.Response hot = api.get("/api/game/player/" + p.id, p.token);
            if (hot.status() != 200 || !EventLogAudit.State.of(hot.body()).equals(stored)) {
                hotMismatches++;
                report.problems.add(p.name + " is served as " + hot.status() + " " + hot.body()
                        + " but stored " + stored);
            }
            p.unanswered().forEach(id -> report.problems.add(id + " never got a final answer"));
        }
        report.count("players", crowd.players.size());
        report.count("actions sent (distinct ids)", actions);
        report.count("acknowledged (result)", acknowledged);
        errors.forEach((code, n) -> report.count("refused: final error " + code, n));
        report.count("errors, drops and silences felt", sum(crowd, p -> p.refusals));
        report.count("resends of the same id", sum(crowd, p -> p.resends));
        report.count("actions answered after a resend", sum(crowd, p -> p.resentThenAnswered));
        report.count("reconnects (resume)", sum(crowd, p -> p.reconnects));
        report.count("sequenced frames received", sum(crowd, p -> p.framesSeen));
        report.count("late answers ignored (id already answered)", sum(crowd, p -> p.lateAnswers));
        report.count("duplicate frames dropped (seq already seen)", sum(crowd, p -> p.duplicateFrames));
        report.count("unanswered actions", sum(crowd, p -> p.unanswered().size()));
        report.count("lost acknowledged actions (not in the event log)", lost);
        report.count("duplicate applications (event log rows > 1)", duplicated);
        report.count("refused but applied", refusedButApplied);
        report.count("applied but never sent", unknown);
        report.count("lost frames (gaps in seq)", sum(crowd, p -> p.lostFrames));
        report.count("expired resumes", sum(crowd, p -> p.expiredResumes));
        report.count("results delivered without seq (outbox unwritable)", sum(crowd, p -> p.directResults));
        report.count("unsequenced event/welcome frames", sum(crowd, p -> p.unsequenced));
        report.count("players whose stored state differs from their events", stateMismatches);
        report.count("players whose hot state differs from PostgreSQL", hotMismatches);
        return report;
    }

    private static long sum(Crowd crowd, java.util.function.ToIntFunction<CrowdPlayer> f) {
        return crowd.players.stream().mapToLong(f::applyAsInt).sum();
    }

    DrillReport count(String what, long n) {
        counts.put(what, n);
        return this;
    }

    DrillReport note(String what, String value) {
        notes.put(what, value);
        return this;
    }

    long get(String what) {
        Long n = counts.get(what);
        if (n == null) {
            throw new IllegalArgumentException("no count " + what);
        }
        return n;
    }

    void problem(String what) {
        problems.add(what);
    }

    void write() throws IOException {
        Files.createDirectories(DIR);
        StringBuilder md = new StringBuilder("# Drill " + drill + "\n\n" + fault + "\n\n")
                .append("| count | value |\n|---|---|\n");
        counts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        notes.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        if (!problems.isEmpty()) {
            md.append("\n## Problems\n\n");
            problems.stream().limit(50).forEach(p -> md.append("- ").append(p).append('\n'));
        }
        Files.writeString(DIR.resolve(drill + ".md"), md.toString());
    }

    /**
     * Writes the report, then the promises: the crowd played, every action got a final answer, nothing
     * acknowledged was lost or applied twice, nothing refused was applied, no frame was lost across a resume, and
     * the state is what the log says.
     */
    void writeAndAssert() throws IOException {
        write();
        String where = " (see " + DIR.resolve(drill + ".md") + "): " + problems.stream().limit(10).toList();
        assertTrue(get("acknowledged (result)") > 0, "the crowd played" + where);
        for (String zero : List.of("unanswered actions", "lost acknowledged actions (not in the event log)",
                "duplicate applications (event log rows > 1)", "refused but applied", "applied but never sent",
                "lost frames (gaps in seq)", "expired resumes", "unsequenced event/welcome frames",
                "players whose stored state differs from their events",
                "players whose hot state differs from PostgreSQL")) {
            assertEquals(0, get(zero), zero + where);
        }
        assertTrue(problems.isEmpty(), "problems" + where);
    }
}
