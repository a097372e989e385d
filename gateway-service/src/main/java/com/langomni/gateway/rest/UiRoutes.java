package com.langomni.gateway.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.gateway.config.GatewayConfig;

import io.quarkus.logging.Log;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The web client's side of the gateway: {@code /env.js} (runtime config, so one bundle fits every deployment) and
 * the client-side routes, which all answer the app's {@code index.html}. The built app itself (admin-ui's
 * {@code dist}) is copied into {@code META-INF/resources} at build time and served as static files.
 * <p>
 * The client routes are listed, not caught by a wildcard, so a mistyped {@code /api} or {@code /q} path can never
 * come back as a 200 HTML page.
 */
@ApplicationScoped
public class UiRoutes {

    static final List<String> APP_ROUTES = List.of("/play", "/login", "/admin", "/admin/*");
    private static final String INDEX = "META-INF/resources/index.html";

    /** Served when the gateway was built without the admin-ui (e.g. {@code -pl gateway-service} alone). */
    private static final String NOT_BUILT = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>LangOmni Adventure</title></head>
            <body><h1>LangOmni Adventure</h1>
            <p>The gateway is running, but it was built without the web client (admin-ui). Build the whole project
            (<code>make build</code>) to get the player page and the admin panel here.</p></body></html>
            """;

    private final Buffer envJs;
    private final Buffer index;

    public UiRoutes(GatewayConfig config, ObjectMapper mapper,
                    @ConfigProperty(name = "quarkus.application.version") String version) {
        this.envJs = Buffer.buffer(envJs(config.ui(), version, mapper));
        Optional<Buffer> page = readIndex();
        this.index = page.orElse(Buffer.buffer(NOT_BUILT));
        if (page.isEmpty()) {
            Log.warn("The web client (admin-ui) is not in this build: / answers a placeholder page");
        }
    }

    void routes(@Observes Router router) {
        router.get("/env.js").handler(rc -> rc.response()
                .putHeader("Content-Type", "text/javascript; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(envJs));
        // "/" too: the static handler would let browsers cache the page for a day, and with it stale bundle names
        router.get("/").handler(this::app);
        APP_ROUTES.forEach(path -> router.get(path).handler(this::app));
    }

    private void app(RoutingContext rc) {
        rc.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                // the page names hashed bundles: it must be fetched again after a deploy
                .putHeader("Cache-Control", "no-cache")
                .end(index);
    }

    static String envJs(GatewayConfig.Ui ui, String version, ObjectMapper mapper) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("apiBase", ui.apiBase().map(String::strip).orElse(""));
        env.put("wsBase", ui.wsBase().map(String::strip).orElse(""));
        env.put("version", version);
        try {
            return "window.__LANGOMNI__ = " + mapper.writeValueAsString(env) + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Buffer> readIndex() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
