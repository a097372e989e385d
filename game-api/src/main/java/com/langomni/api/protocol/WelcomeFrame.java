package com.langomni.api.protocol;

import com.langomni.api.game.LocationView;
import com.langomni.api.game.PlayerView;

/** Sent once after a socket is accepted. */
public record WelcomeFrame(String type, PlayerView player, LocationView location) implements ServerFrame {
    public static WelcomeFrame of(PlayerView player, LocationView location) {
        return new WelcomeFrame("welcome", player, location);
    }
}
