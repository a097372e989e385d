package com.langomni.simulator.rest;

import com.langomni.support.error.ApiException;
import com.langomni.support.error.FailureClassifier;
import jakarta.inject.Singleton;
import java.util.Optional;

/** A value the domain refuses (a fault rate outside [0, 1]…) is the caller's mistake: 400 with its message. */
@Singleton
public class BadArguments implements FailureClassifier {

    @Override
    public Optional<ApiException> classify(Throwable failure) {
        return failure instanceof IllegalArgumentException
                ? Optional.of(new VllmRefusal(400, failure.getMessage())) : Optional.empty();
    }
}
