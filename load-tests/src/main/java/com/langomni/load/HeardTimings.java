package com.langomni.load;

import com.typesafe.scalalogging.Logger;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpDsl;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Broadcast latency as a Gatling request of its own, {@code say → heard}: from the moment a speaker's {@code say}
 * frame was built (a timestamp the speaker puts in the words it says) to the moment a listener's socket received
 * the {@code event} frame carrying those words (the receive timestamp Gatling keeps with every buffered inbound
 * message). One sample per listener per say; both timestamps come from Gatling's one clock in this one JVM.
 *
 * <p>Gatling has no Java DSL call for "record this timing", so {@link #record()} is a small action that hands the
 * samples a listener collected ({@link #harvest()}) to Gatling's stats engine, exactly as its own requests do:
 * the samples appear in the report's tables and time series like any request, at their real times.
 */
final class HeardTimings {
    static final String REQUEST = "say → heard";
    private static final String SAMPLES = "heardSamples";
    private static final Pattern MARK = Pattern.compile("bc (\\d+) (\\d+)");
    private static volatile Clock clock;

    private HeardTimings() {
    }

    /** Words to say: {@code bc <speaker user id> <send time, ms on Gatling's clock>}. */
    static String mark(Session s) {
        Clock c = clock;
        long now = c == null ? System.currentTimeMillis() : c.nowMillis();
        return "bc " + s.userId() + " " + now;
    }

    /** Reads the listener's buffered, unmatched frames: every say event with a mark of another user is a sample. */
    static ActionBuilder harvest() {
        return HttpDsl.ws.processUnmatchedMessages((messages, session) -> {
            List<long[]> samples = new ArrayList<>();
            for (var message : messages) {
                if (!(message instanceof io.gatling.http.action.ws.WsInboundMessage.Text text)) {
                    continue;
                }
                String said = Frames.sayEventText(text.message());
                if (said == null) {
                    continue;
                }
                Matcher m = MARK.matcher(said);
                if (m.find() && Long.parseLong(m.group(1)) != session.userId()) {
                    samples.add(new long[] {Long.parseLong(m.group(2)), text.timestamp()});
                }
            }
            List<long[]> pending = session.contains(SAMPLES) ? session.getList(SAMPLES) : List.of();
            List<long[]> all = new ArrayList<>(pending);
            all.addAll(samples);
            return session.set(SAMPLES, all);
        });
    }

    /** Logs the collected samples as {@code say → heard} requests and clears them. */
    static ActionBuilder record() {
        return () -> new Builder();
    }

    private static final class Builder implements io.gatling.core.action.builder.ActionBuilder {
        @Override
        public Action build(ScenarioContext ctx, Action next) {
            clock = ctx.coreComponents().clock();
            return new Record(ctx.coreComponents().statsEngine(), next);
        }

        @Override
        public io.gatling.core.structure.ChainBuilder toChainBuilder() {
            return io.gatling.core.action.builder.ActionBuilder.super.toChainBuilder();
        }
    }

    private static final class Record implements Action {
        private final StatsEngine stats;
        private final Action next;
        private Logger logger = Logger.apply(LoggerFactory.getLogger(HeardTimings.class));

        Record(StatsEngine stats, Action next) {
            this.stats = stats;
            this.next = next;
        }

        @Override
        public String name() {
            return "record say → heard";
        }

        @Override
        public void execute(io.gatling.core.session.Session scalaSession) {
            Session session = new Session(scalaSession);
            if (session.contains(SAMPLES)) {
                List<long[]> samples = session.getList(SAMPLES);
                for (long[] sample : samples) {
                    stats.logResponse(scalaSession.scenario(), scalaSession.groups(), REQUEST, sample[0], sample[1],
                            OK$.MODULE$, Option.empty(), Option.empty());
                    Tally.add(Tally.HEARD);
                }
                session = session.remove(SAMPLES);
            }
            next.$bang(session.asScala());
        }

        @Override
        public Logger logger() {
            return logger;
        }

        @Override
        public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {
            this.logger = logger;
        }
    }
}
