package com.langomni.orchestrator.game.rules;

import static com.langomni.orchestrator.game.rules.Wording.facts;
import static com.langomni.orchestrator.game.rules.Wording.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import com.langomni.api.outcome.Verb;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.Offer;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OFFER, ACCEPT, DECLINE and CANCEL between two players, decided by the rules only. */
class TradingTest {

    private static final long NOW = 1_000_000L;

    private final RulesEngine engine = new RulesEngine(TestWorlds.small(), new ScriptedDice());
    private final Parser parser = new Parser();

    private static PlayerState ada(String location, String... pack) {
        return new PlayerState("p1", "Ada", location, 30, 30, List.of(pack));
    }

    private static PlayerState bo(String location, String... pack) {
        return new PlayerState("p2", "Bo", location, 30, 30, List.of(pack));
    }

    private Outcome offer(PlayerState player, String text, PlayerState recipient) {
        return engine.offer(player, here(player), parser.parse(text), recipient, 120, NOW);
    }

    private LocationState here(PlayerState player) {
        return engine.initialState(player.locationId());
    }

    private static Refusal reason(Outcome outcome) {
        return ((Facts.Refused) outcome.facts()).reason();
    }

    @Test
    void anOfferNamesTheItemTheRecipientAndWhatIsWantedAndChangesNothing() {
        PlayerState ada = ada("hall", "sword");
        Outcome outcome = offer(ada, "offer the sword to Bo for the potion", bo("hall", "potion"));
        assertTrue(outcome.success(), () -> text(outcome));
        assertFalse(outcome.changed());
        assertSame(ada, outcome.player());
        assertTrue(outcome.events().isEmpty(), "the other side is told directly, not the room");
        Facts.TradeOffered f = facts(outcome, Facts.TradeOffered.class);
        assertEquals(List.of("sword", "iron sword", "potion", "healing potion", "p2", "Bo"),
                List.of(f.item(), f.itemName(), f.wanted(), f.wantedName(), f.player(), f.playerName()));
        assertEquals("You offer the iron sword to Bo for their healing potion. They can accept or decline.",
                text(outcome));
        Facts.TradeOffered gift = facts(offer(ada, "offer blade to bo", bo("hall")), Facts.TradeOffered.class);
        assertNull(gift.wanted());
    }

    @Test
    void anOfferIsRefusedForWhatIsNotCarriedNobodyOneselfOrSomeoneElsewhere() {
        PlayerState ada = ada("hall", "sword");
        assertEquals(Refusal.OFFER_WHAT, reason(offer(ada, "offer", bo("hall"))));
        assertEquals(Refusal.NOT_CARRIED, reason(offer(ada, "offer the crown to bo", bo("hall"))));
        assertEquals(Refusal.OFFER_TO_WHOM, reason(offer(ada, "offer the sword", null)));
        Outcome nobody = offer(ada, "offer the sword to zed", null);
        assertEquals(Refusal.NO_SUCH_PLAYER, reason(nobody));
        assertEquals("There is no player called zed.", text(nobody));
        assertEquals(Refusal.NOT_WITH_YOURSELF, reason(offer(ada, "offer the sword to ada", ada)));
        Outcome away = offer(ada, "offer the sword to bo", bo("yard"));
        assertEquals(Refusal.PLAYER_NOT_HERE, reason(away));
        assertEquals("You and Bo are not in the same place; trades are made face to face.", text(away));
        assertEquals(Refusal.THEY_LACK, reason(offer(ada, "offer the sword to bo for the crown", bo("hall", "potion"))));
        for (Outcome refused : List.of(away, nobody)) {
            assertFalse(refused.changed());
            assertSame(ada, refused.player());
        }
    }

    private Trading.Swap accept(PlayerState player, Offer offer, PlayerState offerer) {
        return engine.accept(player, here(player), parser.parse("accept"), offer, offerer, null, NOW);
    }

    @Test
    void acceptingSwapsBothItemsAtOnce() {
        PlayerState ada = ada("hall", "sword", "pebble");
        PlayerState bo = bo("hall", "potion");
        Offer offer = new Offer("p1", "p2", "hall", "sword", "potion", NOW + 60_000);
        Trading.Swap swap = accept(bo, offer, ada);
        assertTrue(swap.outcome().success(), () -> text(swap.outcome()));
        assertTrue(swap.outcome().changed());
        assertEquals(List.of("sword"), swap.outcome().player().inventory());
        assertEquals(List.of("pebble", "potion"), swap.offerer().inventory());
        assertEquals("You trade with Ada: you give the healing potion and get the iron sword.", text(swap.outcome()));
        // conserved: the same items, in two packs
        List<String> before = new ArrayList<>(ada.inventory());
        before.addAll(bo.inventory());
        List<String> after = new ArrayList<>(swap.outcome().player().inventory());
        after.addAll(swap.offerer().inventory());
        assertEquals(before.stream().sorted().toList(), after.stream().sorted().toList());
    }

    @Test
    void aGiftGoesOneWay() {
        Offer gift = new Offer("p1", "p2", "hall", "sword", null, NOW + 60_000);
        Trading.Swap swap = accept(bo("hall"), gift, ada("hall", "sword"));
        assertEquals(List.of("sword"), swap.outcome().player().inventory());
        assertEquals(List.of(), swap.offerer().inventory());
        assertEquals("You accept Ada's gift: the iron sword is yours.", text(swap.outcome()));
    }

    @Test
    void acceptingIsRefusedWithoutAnOfferApartWhenTheOfferIsVoidOrTheWantedItemGone() {
        Offer offer = new Offer("p1", "p2", "hall", "sword", "potion", NOW + 60_000);
        Trading.Swap none = engine.accept(bo("hall"), here(bo("hall")), parser.parse("accept ada"), null, null, "ada",
                NOW);
        assertEquals(Refusal.NO_OFFER, reason(none.outcome()));
        assertEquals("There is no offer from ada waiting for you.", text(none.outcome()));
        assertNull(none.offerer());
        assertEquals(Refusal.PLAYER_NOT_HERE, reason(accept(bo("hall", "potion"), offer, ada("yard", "sword"))
                .outcome()));
        Trading.Swap gone = accept(bo("hall", "potion"), offer, ada("hall"));
        assertEquals(Refusal.OFFER_VOID, reason(gone.outcome()));
        assertEquals("The offer is void: Ada no longer has the iron sword.", text(gone.outcome()));
        assertEquals(Refusal.LACK_WANTED, reason(accept(bo("hall"), offer, ada("hall", "sword")).outcome()));
        String[] full = new String[ItemRules.MAX_INVENTORY];
        java.util.Arrays.fill(full, "pebble");
        Offer gift = new Offer("p1", "p2", "hall", "sword", null, NOW + 60_000);
        assertEquals(Refusal.PACK_FULL, reason(accept(bo("hall", full), gift, ada("hall", "sword")).outcome()));
        for (Trading.Swap refused : List.of(none, gone)) {
            assertFalse(refused.outcome().changed());
            assertTrue(refused.outcome().events().isEmpty());
        }
    }

    @Test
    void decliningAndCancellingEndAnOfferAndNeedOne() {
        Offer offer = new Offer("p1", "p2", "hall", "sword", null, NOW + 60_000);
        Outcome declined = engine.decline(bo("hall"), here(bo("hall")), parser.parse("decline"), offer, "Ada", null,
                NOW);
        assertEquals(Verb.DECLINE, declined.verb());
        assertEquals("You decline Ada's offer of the iron sword.", text(declined));
        assertEquals(Refusal.NO_OFFER, reason(engine.decline(bo("hall"), here(bo("hall")), parser.parse("decline"),
                null, null, null, NOW)));
        Outcome cancelled = engine.cancel(ada("hall"), here(ada("hall")), parser.parse("cancel"), offer, "Bo", NOW);
        assertEquals("You withdraw your offer of the iron sword to Bo.", text(cancelled));
        assertEquals(Refusal.NO_OWN_OFFER, reason(engine.cancel(ada("hall"), here(ada("hall")),
                parser.parse("cancel"), null, null, NOW)));
    }

    @Test
    void theGeneralPathDecidesNothingForATrade() {
        PlayerState ada = ada("hall", "sword");
        Outcome outcome = engine.apply(ada, here(ada), parser.parse("accept"), NOW);
        assertFalse(outcome.changed());
        assertSame(ada, outcome.player());
    }
}
