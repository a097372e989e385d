package com.langomni.api.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.PlayerView;

/**
 * Sent once after a socket is accepted.
 *
 * @param seq    the last sequence number of the player's outbox this welcome already covers: sequenced frames that
 *               follow have a higher one (see {@link Sequenced})
 * @param resume null when the client did not ask to resume; {@link Sequenced#RESUMED} when every frame after the
 *               client's sequence number follows; {@link Sequenced#EXPIRED} when they are gone (a fresh start)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WelcomeFrame(String type, PlayerView player, LocationView location, Long seq, String resume)
        implements ServerFrame {
    public static WelcomeFrame of(PlayerView player, LocationView location) {
        return new WelcomeFrame("welcome", player, location, null, null);
    }

    public static WelcomeFrame of(PlayerView player, LocationView location, long seq, String resume) {
        return new WelcomeFrame("welcome", player, location, seq, resume);
    }
}
