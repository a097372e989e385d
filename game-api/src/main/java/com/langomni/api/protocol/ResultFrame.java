package com.langomni.api.protocol;

import com.langomni.api.game.ActionResult;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.PlayerView;

/** The full outcome of one action: narration text, where it came from and the state after it. */
public record ResultFrame(String type, String actionId, String text, String source, PlayerView player,
                          LocationView location) implements ServerFrame {
    public static ResultFrame of(ActionResult r) {
        return new ResultFrame("result", r.actionId(), r.text(), r.source(), r.player(), r.location());
    }
}
