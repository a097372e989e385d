package com.langomni.api.game;

import com.langomni.api.outcome.Facts;
import java.util.List;

/**
 * {@code GET /api/game/party}: the caller's party, members in the order they joined (the leader first), each with
 * where they are; {@code members} empty when the caller is in no party. {@code maxSize}: how many a party may hold.
 */
public record PartyView(List<Facts.PartyMember> members, int maxSize) {

    public PartyView {
        members = List.copyOf(members);
    }
}
