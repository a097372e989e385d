package com.langomni.orchestrator.party;

import java.util.List;
import java.util.Optional;

/**
 * A party as stored: its members in the order they joined (the first is the leader), each with where they stand.
 */
public record Party(String id, List<Member> members) {

    public record Member(String id, String name, String locationId) {
    }

    public Party {
        members = List.copyOf(members);
    }

    public boolean has(String playerId) {
        return members.stream().anyMatch(m -> m.id().equals(playerId));
    }

    public Optional<Member> leader() {
        return members.stream().findFirst();
    }

    public List<String> names() {
        return members.stream().map(Member::name).toList();
    }

    /** Every member but {@code playerId}. */
    public List<Member> others(String playerId) {
        return members.stream().filter(m -> !m.id().equals(playerId)).toList();
    }
}
