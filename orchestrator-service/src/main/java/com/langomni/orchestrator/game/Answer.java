package com.langomni.orchestrator.game;

import com.langomni.api.game.ActionResult;

/**
 * An action's answer and how it went out: its outbox sequence number, or (when the outbox could not be written)
 * its frame JSON, for the gateway to deliver from the acknowledgement.
 */
record Answer(ActionResult result, Long seq, String frame) {
}
