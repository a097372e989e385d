package com.langomni.orchestrator.party;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Facts.Refused;
import com.langomni.api.outcome.Refusal;
import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of parties: plain Java, no I/O, deciding from the parties as they stand (read under lock by
 * {@link PartyActions}). A party never changes a player's game state, so every outcome leaves player and place as
 * they were; what changes is the party, which the caller writes when the outcome is a success.
 */
public final class PartyRules {

    private final int maxSize;

    public PartyRules(int maxSize) {
        if (maxSize < 2) {
            throw new IllegalArgumentException("a party holds at least two");
        }
        this.maxSize = maxSize;
    }

    public int maxSize() {
        return maxSize;
    }

    /**
     * @param mine    the inviter's party, null when none
     * @param invitee the player named, null when nobody has that name
     * @param theirs  the invitee's party, null when none
     */
    public Outcome invite(PlayerState me, LocationState here, Intent intent, Party mine, PlayerState invitee,
                          Party theirs) {
        if (intent.withheld()) {
            return refuse(me, here, intent, Refused.because(Refusal.WITHHELD));
        }
        if (intent.target() == null) {
            return refuse(me, here, intent, Refused.because(Refusal.INVITE_WHOM));
        }
        if (invitee == null) {
            return refuse(me, here, intent, Refused.because(Refusal.NO_SUCH_PLAYER).what(intent.target()));
        }
        if (invitee.id().equals(me.id())) {
            return refuse(me, here, intent, Refused.because(Refusal.NOT_WITH_YOURSELF));
        }
        if (mine != null && mine.has(invitee.id())) {
            return refuse(me, here, intent, Refused.because(Refusal.ALREADY_MEMBER).what(invitee.name()));
        }
        if (theirs != null) {
            return refuse(me, here, intent, Refused.because(Refusal.ALREADY_IN_A_PARTY).what(invitee.name()));
        }
        if (mine != null && mine.members().size() >= maxSize) {
            return refuse(me, here, intent, Refused.because(Refusal.PARTY_FULL).here(mine.names()));
        }
        return done(me, here, intent, new Facts.PartyInvited(invitee.id(), invitee.name()));
    }

    /**
     * @param mine         the player's party, null when none
     * @param inviterId    who invited the player (the invitation named, or the newest), null when no invitation
     * @param inviterParty the inviter's party, null when none (joining creates it)
     */
    public Outcome join(PlayerState me, LocationState here, Intent intent, Party mine, String inviterId,
                        String inviterName, Party inviterParty) {
        if (mine != null) {
            return refuse(me, here, intent, Refused.because(Refusal.IN_A_PARTY));
        }
        if (inviterId == null) {
            return refuse(me, here, intent, Refused.because(Refusal.NO_INVITATION).what(intent.target()));
        }
        List<String> members = new ArrayList<>(inviterParty == null ? List.of(inviterName) : inviterParty.names());
        if (members.size() >= maxSize) {
            return refuse(me, here, intent, Refused.because(Refusal.PARTY_FULL).here(members));
        }
        members.add(me.name());
        return done(me, here, intent, new Facts.PartyJoined(inviterId, inviterName, members));
    }

    /** LEAVE: who stays (a party left with one member is disbanded: nobody stays). */
    public Outcome leave(PlayerState me, LocationState here, Intent intent, Party mine) {
        if (mine == null) {
            return refuse(me, here, intent, Refused.because(Refusal.NOT_IN_A_PARTY));
        }
        List<Party.Member> others = mine.others(me.id());
        return done(me, here, intent, new Facts.PartyLeft(others.size() < 2 ? List.of()
                : others.stream().map(Party.Member::name).toList()));
    }

    /** PARTY: the members and where they are ({@code placeName}: a location's name; {@code online}: ids). */
    public Outcome show(PlayerState me, LocationState here, Intent intent, Party mine,
                        Function<String, String> placeName, Set<String> online) {
        if (mine == null) {
            return refuse(me, here, intent, Refused.because(Refusal.NOT_IN_A_PARTY));
        }
        return done(me, here, intent, new Facts.PartyShown(view(mine, placeName, online), maxSize));
    }

    /** The members as shown: in the order they joined, the first one the leader. */
    public static List<Facts.PartyMember> view(Party party, Function<String, String> placeName, Set<String> online) {
        List<Facts.PartyMember> shown = new ArrayList<>();
        for (int i = 0; i < party.members().size(); i++) {
            Party.Member m = party.members().get(i);
            shown.add(new Facts.PartyMember(m.name(), m.locationId(), placeName.apply(m.locationId()),
                    online.contains(m.id()), i == 0));
        }
        return shown;
    }

    /** PSAY: the words go to every other member, wherever they are. */
    public Outcome say(PlayerState me, LocationState here, Intent intent, Party mine) {
        if (intent.withheld()) {
            return refuse(me, here, intent, Refused.because(Refusal.WITHHELD));
        }
        if (intent.topic() == null) {
            return refuse(me, here, intent, Refused.because(Refusal.PSAY_WHAT));
        }
        if (mine == null) {
            return refuse(me, here, intent, Refused.because(Refusal.NOT_IN_A_PARTY));
        }
        return done(me, here, intent, new Facts.PartySaid(intent.topic(), mine.others(me.id()).size()));
    }

    private static Outcome done(PlayerState me, LocationState here, Intent intent, Facts facts) {
        return new Outcome(intent.verb(), true, me, here, false, List.of(), facts, null);
    }

    private static Outcome refuse(PlayerState me, LocationState here, Intent intent, Refused why) {
        return new Outcome(intent.verb(), false, me, here, false, List.of(), why, null);
    }
}
