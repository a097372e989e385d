package com.langomni.support.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.support.error.ErrorShape;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Refuses every HTTP request without a valid {@link ServiceToken} with 401 and the JSON error body, before any
 * route runs: a Vert.x filter rather than a JAX-RS one, so {@code /q/info}, {@code /q/openapi} and any route added
 * outside JAX-RS are covered too. Paths in {@link ServiceAuthConfig.Inbound#openPaths()} pass; the path is Vert.x's
 * normalised one (dot segments and escaped letters resolved), the one the routes are matched against.
 */
@ApplicationScoped
public class ServiceAuthFilter {

    private static final Logger LOG = Logger.getLogger(ServiceAuthFilter.class);
    /** Ahead of every Quarkus route; above the access log and body handlers there is nothing to protect. */
    private static final int PRIORITY = 1_000;

    private final ServiceTokens tokens;
    private final ServiceAuthConfig config;
    private final ErrorShape shape;
    private final ObjectMapper json;
    private final OpenPaths open;

    ServiceAuthFilter(ServiceTokens tokens, ServiceAuthConfig config, ErrorShape shape, ObjectMapper json) {
        this.tokens = tokens;
        this.config = config;
        this.shape = shape;
        this.json = json;
        this.open = new OpenPaths(config.inbound().openPaths());
    }

    void register(@Observes Filters filters) {
        if (tokens.enabled() && config.inbound().required()) {
            filters.register(this::check, PRIORITY);
        }
    }

    void check(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (open.contains(path)) {
            rc.next();
            return;
        }
        String token = rc.request().getHeader(ServiceToken.HEADER);
        ServiceToken.Verdict verdict = tokens.verify(token);
        if (verdict == ServiceToken.Verdict.OK) {
            rc.next();
            return;
        }
        LOG.warnf("Refused %s %s from %s: service token %s", rc.request().method(), path,
                rc.request().remoteAddress(), verdict.name().toLowerCase().replace('_', ' '));
        rc.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body(verdict));
    }

    private String body(ServiceToken.Verdict verdict) {
        String message = verdict == ServiceToken.Verdict.MISSING
                ? "this endpoint is for LangOmni services only: " + ServiceToken.HEADER + " is missing"
                : "the " + ServiceToken.HEADER + " header is not valid (" + verdict.name().toLowerCase().replace('_', ' ')
                        + ")";
        try {
            return json.writeValueAsString(shape.body(401, ErrorCodes.UNAUTHORIZED, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The paths open without a token: exact paths, and prefixes written {@code /prefix/*}. */
    static final class OpenPaths {
        private final List<String> exact;
        private final List<String> prefixes;

        OpenPaths(List<String> patterns) {
            this.exact = patterns.stream().map(String::strip).filter(p -> !p.endsWith("/*")).toList();
            this.prefixes = patterns.stream().map(String::strip).filter(p -> p.endsWith("/*"))
                    .map(p -> p.substring(0, p.length() - 2)).toList();
        }

        boolean contains(String path) {
            if (path == null) {
                return false;
            }
            if (exact.contains(path)) {
                return true;
            }
            for (String prefix : prefixes) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return true;
                }
            }
            return false;
        }
    }
}
