package com.langomni.api.protocol;

/** A refused or failed frame; {@code actionId} is null when the frame had none. Codes: {@link ErrorCodes}. */
public record ErrorFrame(String type, String actionId, String code, String message) implements ServerFrame {
    public static ErrorFrame of(String actionId, String code, String message) {
        return new ErrorFrame("error", actionId, code, message);
    }
}
