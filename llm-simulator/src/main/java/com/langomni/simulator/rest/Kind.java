package com.langomni.simulator.rest;

/** The two generation endpoints, which differ in request and response shape. */
enum Kind {
    CHAT("chatcmpl-", "chat.completion", "chat.completion.chunk"),
    COMPLETION("cmpl-", "text_completion", "text_completion");

    final String idPrefix;
    final String object;
    final String chunkObject;

    Kind(String idPrefix, String object, String chunkObject) {
        this.idPrefix = idPrefix;
        this.object = object;
        this.chunkObject = chunkObject;
    }
}
