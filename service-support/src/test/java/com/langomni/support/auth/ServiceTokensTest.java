package com.langomni.support.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.support.auth.ServiceToken.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceTokensTest {

    static final String SECRET = ServiceTokenTest.SECRET;
    static final String OLD = ServiceTokenTest.OLD;

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = ServiceTokenTest.NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static ServiceAuthConfig config(boolean enabled, String secret, List<String> previous) {
        return new ServiceAuthConfig() {
            public boolean enabled() {
                return enabled;
            }

            public Optional<String> secret() {
                return Optional.ofNullable(secret);
            }

            public Optional<List<String>> previousSecrets() {
                return previous.isEmpty() ? Optional.empty() : Optional.of(previous);
            }

            public String serviceName() {
                return "orchestrator-service";
            }

            public Duration window() {
                return Duration.ofMinutes(5);
            }

            public Duration reuse() {
                return Duration.ofMinutes(1);
            }

            public Inbound inbound() {
                return new Inbound() {
                    public boolean required() {
                        return true;
                    }

                    public List<String> openPaths() {
                        return List.of("/q/health/*", "/q/metrics");
                    }
                };
            }
        };
    }

    @Test
    void aTokenIsReusedForAMinuteThenSignedAgain() {
        HandClock clock = new HandClock();
        ServiceTokens tokens = new ServiceTokens(config(true, SECRET, List.of()), clock);
        String first = tokens.token();
        clock.now = clock.now.plusSeconds(59);
        assertEquals(first, tokens.token());
        clock.now = clock.now.plusSeconds(1);
        String second = tokens.token();
        assertNotEquals(first, second);
        assertEquals(Verdict.OK, tokens.verify(second));
        assertEquals(Verdict.OK, tokens.verify(first), "a reused token is well inside the window");
    }

    @Test
    void aClockThatWentBackSignsAgain() {
        HandClock clock = new HandClock();
        ServiceTokens tokens = new ServiceTokens(config(true, SECRET, List.of()), clock);
        String first = tokens.token();
        clock.now = clock.now.minusSeconds(10);
        assertNotEquals(first, tokens.token());
    }

    @Test
    void previousSecretsAreAcceptedButNeverUsedToSign() {
        HandClock clock = new HandClock();
        ServiceTokens rotated = new ServiceTokens(config(true, SECRET, List.of(OLD)), clock);
        assertEquals(Verdict.OK, rotated.verify(ServiceToken.sign(OLD, "gateway-service", clock.now)));
        assertEquals(Verdict.OK, new ServiceTokens(config(true, SECRET, List.of()), clock).verify(rotated.token()));
        assertEquals(Verdict.BAD_SIGNATURE, new ServiceTokens(config(true, SECRET, List.of()), clock)
                .verify(ServiceToken.sign(OLD, "gateway-service", clock.now)));
    }

    @Test
    void aMissingOrShortSecretStopsTheService() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new ServiceTokens(config(true, null, List.of())));
        assertTrue(missing.getMessage().contains("LANGOMNI_SERVICE_AUTH_SECRET"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> new ServiceTokens(config(true, "short", List.of())));
        assertThrows(IllegalStateException.class, () -> new ServiceTokens(config(true, SECRET, List.of("short"))));
    }

    @Test
    void aProcessThatTakesNoPartNeedsNoSecretAndCannotSign() {
        ServiceTokens off = new ServiceTokens(config(false, null, List.of()));
        assertFalse(off.enabled());
        assertThrows(IllegalStateException.class, off::token);
    }

    @Test
    void openPathsAreExactPathsOrWholeSegmentPrefixes() {
        ServiceAuthFilter.OpenPaths open = new ServiceAuthFilter.OpenPaths(List.of("/q/health/*", "/q/metrics",
                " /api/* "));
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/api",
                "/api/game/action")) {
            assertTrue(open.contains(path), path);
        }
        for (String path : List.of("/q/healthz", "/q/metrics/x", "/q/metricsx", "/q/info", "/apix", "/internal/actions",
                "/", "")) {
            assertFalse(open.contains(path), path);
        }
        assertFalse(open.contains(null));
    }
}
