package com.langomni.orchestrator.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Secured} method: a genuine token of the player is enough, even if it expired or its session ended.
 * For the gateway's report that a socket closed: a socket kicked because its session ended must still leave.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EndedSessionAccepted {
}
