package com.langomni.testkit;

import com.langomni.support.auth.ServiceToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Service tokens for tests (docs/SECURITY.md, "Service-to-service authentication"): valid, expired or foreign ones,
 * and the check fakes of our services make of what they get ({@link #verdict}). RestAssured requests of a
 * {@code @QuarkusTest} get a valid one without asking ({@link ServiceAuthRestAssured}). Plain Java apart from
 * {@link #secret()}, so the e2e harness uses it too.
 */
public final class ServiceAuth {

    public static final String HEADER = ServiceToken.HEADER;
    /** The service name the tests' tokens carry. */
    public static final String TEST_CALLER = "test-caller";
    private static final String SECRET_KEY = "langomni.service-auth.secret";
    private static final String PREVIOUS_KEY = "langomni.service-auth.previous-secrets";
    /**
     * The test profile's secret (service-support's META-INF/microprofile-config.properties), for fakes of our
     * services that run beside the service under test and check the tokens it sends ({@link #accepts}).
     */
    public static final String TEST_SECRET = "test-service-secret-not-for-production-0123456789";
    /** Signs tokens that no service accepts. */
    public static final String UNKNOWN_SECRET = "a-secret-no-langomni-service-knows-0123456789";
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private ServiceAuth() {
    }

    /** The secret of the service under test (its test profile's {@code langomni.service-auth.secret}). */
    public static String secret() {
        return ConfigProvider.getConfig().getValue(SECRET_KEY, String.class);
    }

    /** The first secret the service under test still accepts from a rotation (its test profile has one). */
    public static String previousSecret() {
        return ConfigProvider.getConfig().getValues(PREVIOUS_KEY, String.class).get(0);
    }

    /** A token valid now for the service under test. */
    public static String token() {
        return token(secret());
    }

    /** A token valid now under {@code secret} (the e2e platform's, a rotated one). */
    public static String token(String secret) {
        return ServiceToken.sign(secret, TEST_CALLER, Instant.now());
    }

    /** A token under {@code secret} signed at {@code at}: an expired one when far enough in the past. */
    public static String token(String secret, Instant at) {
        return ServiceToken.sign(secret, TEST_CALLER, at);
    }

    /** A token signed longer ago than any service accepts. */
    public static String expiredToken() {
        return token(secret(), Instant.now().minus(WINDOW).minusSeconds(60));
    }

    /** Whether a fake of one of our services should take a request with this header value (test profile). */
    public static boolean accepts(String token) {
        return verdict(token, TEST_SECRET) == ServiceToken.Verdict.OK;
    }

    /** What a service with {@code secret} makes of {@code token} now (for fakes of our services). */
    public static ServiceToken.Verdict verdict(String token, String secret) {
        return ServiceToken.verify(token, List.of(secret), Instant.now(), WINDOW);
    }

}
