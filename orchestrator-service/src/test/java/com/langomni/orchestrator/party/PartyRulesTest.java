package com.langomni.orchestrator.party;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.rules.Parser;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.words.OutcomeText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** INVITE, JOIN, LEAVE, PARTY and PSAY, decided from the parties as they stand. */
class PartyRulesTest {

    private final PartyRules rules = new PartyRules(3);
    private final Parser parser = new Parser();
    private final LocationState here = new LocationState("hall", List.of(), Map.of(), Set.of());

    private static PlayerState player(String id, String name) {
        return new PlayerState(id, name, "hall", 30, 30, List.of());
    }

    private final PlayerState ada = player("p1", "Ada");
    private final PlayerState bo = player("p2", "Bo");

    private static Party party(PlayerState... members) {
        return new Party("party-1", java.util.Arrays.stream(members)
                .map(p -> new Party.Member(p.id(), p.name(), p.locationId())).toList());
    }

    private Intent parse(String text) {
        return parser.parse(text);
    }

    private static Refusal reason(Outcome outcome) {
        assertFalse(outcome.success());
        assertFalse(outcome.changed());
        return ((Facts.Refused) outcome.facts()).reason();
    }

    @Test
    void aPartyHoldsAtLeastTwo() {
        assertThrows(IllegalArgumentException.class, () -> new PartyRules(1));
    }

    @Test
    void invitingNeedsSomeoneElseFreeAndRoom() {
        Outcome invited = rules.invite(ada, here, parse("invite bo"), null, bo, null);
        assertTrue(invited.success());
        assertEquals("You invite Bo to your party. They can type \"join\" to come along.",
                OutcomeText.of(invited.facts()));
        assertEquals(Refusal.INVITE_WHOM, reason(rules.invite(ada, here, parse("invite"), null, null, null)));
        assertEquals(Refusal.NO_SUCH_PLAYER, reason(rules.invite(ada, here, parse("invite zed"), null, null, null)));
        assertEquals(Refusal.NOT_WITH_YOURSELF, reason(rules.invite(ada, here, parse("invite ada"), null, ada, null)));
        assertEquals(Refusal.ALREADY_MEMBER, reason(rules.invite(ada, here, parse("invite bo"), party(ada, bo), bo,
                party(ada, bo))));
        PlayerState cy = player("p3", "Cy");
        assertEquals(Refusal.ALREADY_IN_A_PARTY, reason(rules.invite(ada, here, parse("invite cy"), null, cy,
                party(bo, cy))));
        PlayerState di = player("p4", "Di");
        Outcome full = rules.invite(ada, here, parse("invite di"), party(ada, bo, cy), di, null);
        assertEquals(Refusal.PARTY_FULL, reason(full));
        assertEquals("The party is full (Ada, Bo, Cy).", OutcomeText.of(full.facts()));
    }

    @Test
    void joiningNeedsAnInvitationNoPartyAndRoom() {
        Outcome founded = rules.join(bo, here, parse("join"), null, "p1", "Ada", null);
        assertEquals(List.of("Ada", "Bo"), ((Facts.PartyJoined) founded.facts()).members());
        PlayerState cy = player("p3", "Cy");
        Outcome third = rules.join(cy, here, parse("join ada"), null, "p1", "Ada", party(ada, bo));
        assertEquals(List.of("Ada", "Bo", "Cy"), ((Facts.PartyJoined) third.facts()).members());
        assertEquals(Refusal.PARTY_FULL, reason(rules.join(player("p4", "Di"), here, parse("join"), null, "p1", "Ada",
                party(ada, bo, cy))));
        assertEquals(Refusal.NO_INVITATION, reason(rules.join(bo, here, parse("join"), null, null, null, null)));
        assertEquals(Refusal.IN_A_PARTY, reason(rules.join(bo, here, parse("join"), party(bo, cy), "p1", "Ada",
                null)));
    }

    @Test
    void leavingDisbandsAPartyOfTwo() {
        PlayerState cy = player("p3", "Cy");
        assertEquals(List.of("Ada", "Cy"),
                ((Facts.PartyLeft) rules.leave(bo, here, parse("leave party"), party(ada, bo, cy)).facts()).members());
        Outcome last = rules.leave(bo, here, parse("leave party"), party(ada, bo));
        assertEquals(List.of(), ((Facts.PartyLeft) last.facts()).members());
        assertEquals("You leave your party, and it is no more.", OutcomeText.of(last.facts()));
        assertEquals(Refusal.NOT_IN_A_PARTY, reason(rules.leave(bo, here, parse("leave party"), null)));
    }

    @Test
    void thePartyShowsWhoAndWhereLeaderFirst() {
        PlayerState far = new PlayerState("p2", "Bo", "yard", 30, 30, List.of());
        Outcome shown = rules.show(ada, here, parse("party"), party(ada, far), id -> id.equals("yard") ? "Yard" : "Hall",
                Set.of("p1"));
        assertEquals("Your party (2 of 3):\n  Ada (leader) - Hall\n  Bo - Yard (away)", OutcomeText.of(shown.facts()));
        assertEquals(Refusal.NOT_IN_A_PARTY, reason(rules.show(ada, here, parse("party"), null, id -> id, Set.of())));
    }

    @Test
    void partyChatNeedsWordsAndAPartyAndWithheldWordsGoNowhere() {
        Outcome said = rules.say(ada, here, parse("psay Meet at the ford"), party(ada, bo));
        assertEquals(new Facts.PartySaid("Meet at the ford", 1), said.facts());
        assertEquals(Refusal.PSAY_WHAT, reason(rules.say(ada, here, parse("psay"), party(ada, bo))));
        assertEquals(Refusal.NOT_IN_A_PARTY, reason(rules.say(ada, here, parse("psay hi"), null)));
        assertEquals(Refusal.WITHHELD, reason(rules.say(ada, here, parse("psay hi").withhold(), party(ada, bo))));
    }
}
