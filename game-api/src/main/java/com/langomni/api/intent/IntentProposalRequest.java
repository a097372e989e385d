package com.langomni.api.intent;

import java.util.List;

/**
 * What the player typed and the commands legal for them here and now ({@code "go north"}, {@code "take rusty
 * lantern"}); the model may pick one of {@code actions} or {@link IntentProposal#NONE}.
 *
 * @param text     the player's words as typed (already screened by moderation)
 * @param location the name of the place, as context for the model
 * @param actions  the legal commands, at most a few dozen
 */
public record IntentProposalRequest(String text, String location, List<String> actions) {
}
