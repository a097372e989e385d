package com.langomni.orchestrator.admin.stats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.support.TestAdmin;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code GET /api/admin/stream}: server-sent stats and topology events, ticking, until the client goes away. */
@QuarkusTest
class AdminStreamTests {

    @TestHTTPResource("/api/admin/stream")
    URI stream;

    @Inject
    AdminStream streams;

    @Inject
    ObjectMapper json;

    private record Event(String name, JsonNode data) {
    }

    @Test
    void statsAndTopologyArriveAtOnceThenTickUntilTheClientLeaves() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String bearer = TestAdmin.bearer();
        for (int connection = 0; connection < 2; connection++) { // the shared ticker starts again for a new client
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(stream)
                    .header("Authorization", bearer).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));

            List<Event> events;
            try (InputStream body = response.body()) {
                events = CompletableFuture.supplyAsync(() -> read(body, 2)).get(15, TimeUnit.SECONDS);
                assertTrue(streams.listeners() >= 1, "this connection is listening");
            }
            Event stats = events.stream().filter(e -> "stats".equals(e.name())).findFirst().orElseThrow();
            assertTrue(stats.data().path("at").asLong() > 0);
            assertTrue(stats.data().has("actions") && stats.data().has("playersOnline"), stats.data()::toString);
            Event topology = events.stream().filter(e -> "topology".equals(e.name())).findFirst().orElseThrow();
            assertTrue(topology.data().path("nodes").size() >= 8, topology.data()::toString);

            await().atMost(Duration.ofSeconds(10)).until(() -> streams.listeners() == 0);
        }
    }

    /** Reads events until {@code statsWanted} stats events and a topology event came. */
    private List<Event> read(InputStream body, int statsWanted) {
        List<Event> events = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String name = null;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    events.add(new Event(name, json.readTree(line.substring("data:".length()).strip())));
                    long stats = events.stream().filter(e -> "stats".equals(e.name())).count();
                    if (stats >= statsWanted && events.stream().anyMatch(e -> "topology".equals(e.name()))) {
                        return events;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("the stream ended after " + events);
    }
}
