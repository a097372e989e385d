package com.langomni.support.error;

import com.langomni.api.protocol.ErrorBody;

/**
 * The JSON body an error is written as. Every LangOmni service answers an {@link ErrorBody} ({@link ErrorBodyShape},
 * the default); only a stand-in for a server we do not own (the llm-simulator answers as vLLM does) brings its own.
 */
public interface ErrorShape {

    Object body(int status, String code, String message);
}
