package com.langomni.orchestrator.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed bearer tokens: {@code base64url(json claims) "." base64url(HMAC-SHA256(secret, first part))}.
 * Plain Java so it is unit-tested without Quarkus.
 */
public final class TokenCodec {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Far above any token we issue; bounds the work spent on garbage. */
    private static final int MAX_TOKEN_CHARS = 2048;

    private final SecretKeySpec key;
    private final ObjectMapper json;

    public TokenCodec(String secret, ObjectMapper json) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("token secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.json = json;
    }

    public String encode(TokenClaims claims) {
        try {
            String payload = ENCODER.encodeToString(json.writeValueAsBytes(claims));
            return payload + "." + ENCODER.encodeToString(sign(payload));
        } catch (IOException e) {
            throw new IllegalStateException("claims are not serialisable", e);
        }
    }

    /**
     * The claims of a well-formed, correctly signed token that has not expired at {@code nowEpochSeconds}. Tokens
     * from before server-side sessions (no {@code sid}) are refused.
     */
    public Optional<TokenClaims> decode(String token, long nowEpochSeconds) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) {
                return Optional.empty();
            }
            TokenClaims claims = json.readValue(DECODER.decode(payload), TokenClaims.class);
            if (claims.sub() == null || claims.role() == null || claims.sid() == null
                    || claims.expiresAt() <= nowEpochSeconds) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
