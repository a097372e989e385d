package com.langomni.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The PromQL reading ObservabilityIT relies on: if it missed names, that check would pass vacuously. */
class PromQlTest {

    @Test
    void findsMetricsNotFunctionsAggregationsKeywordsOrGroupingLabels() {
        String expr = "histogram_quantile(0.95, sum by (le, stage) (rate(langomni_action_stage_duration_seconds_bucket"
                + "{stage=~\"load|persist\"}[$__rate_interval]))) > 5 and on () sum(rate(x_total[5m])) > 0.05"
                + " or vector(0)";
        assertEquals(List.of(
                new PromQl.Selector("langomni_action_stage_duration_seconds_bucket",
                        List.of(new PromQl.Matcher("stage", "=~", "load|persist"))),
                new PromQl.Selector("x_total", List.of())), PromQl.selectors(expr));
    }

    @Test
    void readsEveryMatcherAndIgnoresQuotedText() {
        String expr = "label_replace(absent(up{job=\"langomni\", service=\"a b\"} == 1), \"service\", \"gw\", \"\", \"\")"
                + " or count(vllm:num_requests_running{model_name!=\"x\\\"y\",}) ";
        assertEquals(List.of(
                new PromQl.Selector("up", List.of(new PromQl.Matcher("job", "=", "langomni"),
                        new PromQl.Matcher("service", "=", "a b"))),
                new PromQl.Selector("vllm:num_requests_running",
                        List.of(new PromQl.Matcher("model_name", "!=", "x\"y")))), PromQl.selectors(expr));
    }

    @Test
    void groupingsKnowTheMetricsTheyAggregate() {
        String expr = "sum by (role, backend) (rate(a_total[1m])) / sum by (role) (rate(b_total[1m]))"
                + " + max(c) by (instance)";
        assertEquals(List.of(
                new PromQl.Grouping(List.of("role", "backend"), Set.of("a_total")),
                new PromQl.Grouping(List.of("role"), Set.of("b_total")),
                new PromQl.Grouping(List.of("instance"), Set.of("c"))), PromQl.groupings(expr));
    }
}
