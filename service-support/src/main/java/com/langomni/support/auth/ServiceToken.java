package com.langomni.support.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service credential between LangOmni services (docs/SECURITY.md): the header {@value #HEADER} with
 * {@code v1.<service>.<epochSeconds>.<base64url HMAC-SHA256(secret, "v1.<service>.<epochSeconds>")>}. Plain Java
 * (no Quarkus), so tests and the e2e harness sign with the same code the services do.
 */
public final class ServiceToken {

    public static final String HEADER = "X-Service-Token";
    public static final String VERSION = "v1";
    /** Shorter secrets are refused: HMAC-SHA256's strength is only that of its key. */
    public static final int MIN_SECRET_CHARS = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern EPOCH = Pattern.compile("[0-9]{1,12}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ServiceToken() {
    }

    /** Why a token was refused; {@link #OK} when it was not. Never carries the token itself (it is a credential). */
    public enum Verdict {
        OK, MISSING, MALFORMED, EXPIRED, BAD_SIGNATURE
    }

    /** A token for {@code service} signed at {@code at} (whole seconds). */
    public static String sign(String secret, String service, Instant at) {
        if (!SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("a service name is lower-case letters, digits and dashes: " + service);
        }
        String payload = VERSION + "." + service + "." + at.getEpochSecond();
        return payload + "." + B64.encodeToString(hmac(secret, payload));
    }

    /**
     * Whether {@code token} is signed with one of {@code secrets} (the current one first, then the ones being
     * rotated out) at a time within {@code window} of {@code now}, either side (clocks of two hosts differ).
     */
    public static Verdict verify(String token, List<String> secrets, Instant now, Duration window) {
        if (token == null || token.isBlank()) {
            return Verdict.MISSING;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || !SERVICE.matcher(parts[1]).matches()
                || !EPOCH.matcher(parts[2]).matches()) {
            return Verdict.MALFORMED;
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException notBase64) {
            return Verdict.MALFORMED;
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        boolean signed = false;
        for (String secret : secrets) {
            // every secret is tried, so the time taken does not tell which one matched
            signed |= MessageDigest.isEqual(hmac(secret, payload), signature);
        }
        if (!signed) {
            return Verdict.BAD_SIGNATURE;
        }
        long age = Math.abs(now.getEpochSecond() - Long.parseLong(parts[2]));
        return age > window.toSeconds() ? Verdict.EXPIRED : Verdict.OK;
    }

    /** The service a token names (its second part); only meaningful once {@link #verify} said {@link Verdict#OK}. */
    public static String serviceOf(String token) {
        String[] parts = token.split("\\.", -1);
        return parts.length == 4 ? parts[1] : "";
    }

    private static byte[] hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
