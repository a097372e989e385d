package com.langomni.support.error;

import java.util.Optional;

/**
 * A service's own reading of a failure that no typed mapper took (a bean; {@link ErrorMappers} asks each one before
 * answering 500), e.g. "a store that cannot be reached is an outage (503), not a bug".
 */
public interface FailureClassifier {

    /** The refusal this failure stands for, or empty when it is not one this service knows. */
    Optional<ApiException> classify(Throwable failure);
}
