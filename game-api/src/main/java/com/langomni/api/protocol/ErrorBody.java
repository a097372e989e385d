package com.langomni.api.protocol;

/** JSON body of every 4xx/5xx HTTP answer: a stable {@code code} and a human message. */
public record ErrorBody(String code, String message) {
}
