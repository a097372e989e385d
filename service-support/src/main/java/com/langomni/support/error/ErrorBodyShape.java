package com.langomni.support.error;

import com.langomni.api.protocol.ErrorBody;
import io.quarkus.arc.DefaultBean;
import jakarta.inject.Singleton;

/** {@code {"code":…,"message":…}}: the error body of every LangOmni HTTP API (docs/API.md). */
@Singleton
@DefaultBean
public class ErrorBodyShape implements ErrorShape {

    @Override
    public ErrorBody body(int status, String code, String message) {
        return new ErrorBody(code, message);
    }
}
