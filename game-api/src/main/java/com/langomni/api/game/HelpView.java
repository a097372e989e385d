package com.langomni.api.game;

/**
 * What a player can do, as the {@code help} command answers it ({@code GET /api/game/help}): the web client's help
 * panel shows this text, so the list is written once (game-words' {@code HelpText}).
 *
 * @param text the command list, one per line, line breaks kept
 */
public record HelpView(String text) {
}
