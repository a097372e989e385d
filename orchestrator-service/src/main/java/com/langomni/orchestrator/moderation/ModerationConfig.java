package com.langomni.orchestrator.moderation;

import com.langomni.orchestrator.common.ServicesConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The moderation hook ({@code langomni.moderation.*}). The world's mode is an admin setting stored in PostgreSQL
 * ({@code PUT /api/admin/moderation/settings}); {@link #mode()} is what a world that has none uses.
 */
@ConfigMapping(prefix = "langomni.moderation")
public interface ModerationConfig {

    /** {@code off}, {@code words} or {@code endpoint}, until an admin sets the world's mode. */
    @WithDefault("words")
    String mode();

    /**
     * Words and phrases flagged when they stand whole in the folded text (lower case, fullwidth/zero-width/accent
     * disguises removed, look-alike digits read as letters, punctuation as spaces).
     */
    List<String> words();

    /** Regular expressions matched anywhere in the same folded text ({@code " "} between words). */
    Optional<List<String>> patterns();

    /** How long a replica keeps the world's mode before reading it again (another replica may have changed it). */
    @WithDefault("5s")
    Duration settingTtl();

    /** At most this many characters of a flagged text are stored for the admins. */
    @WithDefault("500")
    int storedChars();

    Endpoint endpoint();

    /**
     * An OpenAI-compatible moderation endpoint ({@code POST <url>/moderations}). While it is down, slow or its breaker
     * open, text is checked by the word list instead: never an error to the player, never unchecked.
     */
    interface Endpoint {
        /** The API base, e.g. {@code https://api.openai.com/v1} or {@code http://llm-simulator:8090/v1}. */
        @WithDefault("http://127.0.0.1:8090/v1")
        String url();

        /** Sent as {@code model} when set (OpenAI: {@code omni-moderation-latest}). */
        Optional<String> model();

        /** Sent as {@code Authorization: Bearer ...} when set. */
        Optional<String> apiKey();

        /** One check's deadline; past it the word list decides. */
        @WithDefault("800ms")
        Duration timeout();

        ServicesConfig.Breaker breaker();
    }
}
