package com.langomni.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts a body larger than a server's limit and returns the status it answered.
 * <p>
 * A plain client writes the whole body, and a server that refuses it after reading the headers closes the
 * connection under the writer: the test then sees "broken pipe" instead of the 413 whenever the body outruns the
 * socket buffers (it did on a loaded CI box). With {@code Expect: 100-continue} the client waits for the server's
 * verdict on the headers before sending a byte of the body, so the answer is read every time.
 */
public final class OversizedPost {
    private OversizedPost() {
    }

    /** The status a JSON POST of {@code body} to {@code uri} gets, made with a valid service token. */
    public static int status(URI uri, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri).expectContinue(true).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header(ServiceAuth.HEADER, ServiceAuth.token())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
