package com.langomni.orchestrator.game;

import com.langomni.api.game.ActionAck;
import com.langomni.api.game.ActionResult;

/**
 * An action's result and how it went out ({@link com.langomni.orchestrator.session.Publisher#answer}): the HTTP
 * API answers with the result, the gateway gets the acknowledgement.
 */
record Answer(ActionResult result, ActionAck ack) {
}
