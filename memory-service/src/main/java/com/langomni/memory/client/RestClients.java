package com.langomni.memory.client;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds the REST clients from {@code MemoryConfig} rather than {@code quarkus.rest-client.*}: both servers are
 * optional (unset URL: the feature is off), which a declared client's required URL cannot express.
 */
final class RestClients {

    private RestClients() {
    }

    /**
     * @param longestDeadline the longest guard deadline of the client's calls ({@link ClientGuards}). The read
     *                        timeout is a second past it: the guard always fires first (one kind of timeout to
     *                        handle), and a connection still hanging after it is freed soon.
     * @param providers       e.g. the service token filter, for a LangOmni service only (never an external server)
     */
    static <T> T build(Class<T> api, String baseUrl, Duration connectTimeout, Duration longestDeadline,
                       Object... providers) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(base(baseUrl))
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(longestDeadline.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        for (Object provider : providers) {
            builder.register(provider);
        }
        return builder.build(api);
    }

    /** The base URL without trailing slashes, so that the APIs' paths append cleanly. */
    static URI base(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return URI.create(u);
    }

    static void close(Object client) {
        if (client instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                // closing frees connections; nothing is left to do when it fails at shutdown
            }
        }
    }
}
