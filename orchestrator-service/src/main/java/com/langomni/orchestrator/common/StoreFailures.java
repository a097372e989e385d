package com.langomni.orchestrator.common;

import com.langomni.support.error.ApiException;
import com.langomni.support.error.FailureClassifier;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;

/**
 * The game's reading of failures no mapper took: a saturated store is overload (503 {@code overloaded}, retry in a
 * moment), a store that cannot be reached is an outage (503 {@code unavailable}), not a bug (500).
 */
@Singleton
public class StoreFailures implements FailureClassifier {

    @Override
    public Optional<ApiException> classify(Throwable failure) {
        if (Saturation.is(failure)) {
            Log.debugf("Refused at capacity: %s", failure.toString());
            return Optional.of(ApiException.overloaded("the game is at capacity; try again in a moment"));
        }
        if (unreachable(failure)) {
            Log.warnf("A data store is unreachable: %s", failure.toString());
            return Optional.of(ApiException.unavailable("the game is temporarily unavailable"));
        }
        return Optional.empty();
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
