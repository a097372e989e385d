package com.langomni.orchestrator.game.rules;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Facts.Refused;
import com.langomni.api.outcome.Refusal;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.Offer;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trades between players. OFFER proposes (nothing moves: the caller keeps the offer), ACCEPT swaps both items at
 * once, DECLINE and CANCEL end an offer. Both players must stand in the same place when the offer is made and when
 * it is accepted, and each must still hold their part then; the swap changes both packs in one decision, so
 * whoever commits it commits both players or neither.
 */
public final class Trading {

    private Trading() {
    }

    /** The accepter's outcome and the offerer's state after the swap (null when refused). */
    public record Swap(Outcome outcome, PlayerState offerer) {
    }

    /**
     * @param recipient the player named in the offer's topic, null when no player has that name
     * @param ttlSeconds how long the offer stands (said back to the player)
     */
    static Outcome offer(Turn turn, PlayerState recipient, long ttlSeconds) {
        String what = turn.intent.target();
        if (what == null) {
            return turn.refuse(Refused.because(Refusal.OFFER_WHAT));
        }
        Optional<ItemDef> item = turn.place.item(what, turn.player.inventory());
        if (item.isEmpty()) {
            return turn.refuse(Refused.because(Refusal.NOT_CARRIED));
        }
        String to = recipientName(turn.intent.topic());
        if (to == null) {
            return turn.refuse(Refused.because(Refusal.OFFER_TO_WHOM).item(item.get().name()));
        }
        if (recipient == null) {
            return turn.refuse(Refused.because(Refusal.NO_SUCH_PLAYER).what(to));
        }
        if (recipient.id().equals(turn.player.id())) {
            return turn.refuse(Refused.because(Refusal.NOT_WITH_YOURSELF));
        }
        if (!recipient.locationId().equals(turn.player.locationId())) {
            return turn.refuse(Refused.because(Refusal.PLAYER_NOT_HERE).what(recipient.name()));
        }
        String wantedPhrase = wantedPhrase(turn.intent.topic());
        ItemDef wanted = null;
        if (wantedPhrase != null) {
            Optional<ItemDef> theirs = turn.place.item(wantedPhrase, recipient.inventory());
            if (theirs.isEmpty()) {
                return turn.refuse(Refused.because(Refusal.THEY_LACK).what(recipient.name()).item(wantedPhrase));
            }
            wanted = theirs.get();
        }
        return turn.done(new Facts.TradeOffered(item.get().id(), item.get().name(), wanted == null ? null : wanted.id(),
                wanted == null ? null : wanted.name(), recipient.id(), recipient.name(), ttlSeconds));
    }

    /** The player's name in an offer's topic ("bo for bread": "bo"); null when none. */
    public static String recipientName(String topic) {
        if (topic == null || topic.isBlank()) {
            return null;
        }
        return topic.strip().split(" ")[0];
    }

    private static String wantedPhrase(String topic) {
        int at = topic.indexOf(" for ");
        return at < 0 ? null : topic.substring(at + " for ".length()).strip();
    }

    /**
     * @param offer   the offer being accepted, null when none is waiting
     * @param offerer its maker as they are now (read under lock), null when no offer
     */
    static Swap accept(Turn turn, Offer offer, PlayerState offerer, String named) {
        if (offer == null || offerer == null) {
            return new Swap(turn.refuse(Refused.because(Refusal.NO_OFFER).what(named)), null);
        }
        if (!offerer.locationId().equals(turn.player.locationId())) {
            return new Swap(turn.refuse(Refused.because(Refusal.PLAYER_NOT_HERE).what(offerer.name())), null);
        }
        String itemName = turn.world.item(offer.item()).map(ItemDef::name).orElse(offer.item());
        if (!offerer.inventory().contains(offer.item())) {
            return new Swap(turn.refuse(Refused.because(Refusal.OFFER_VOID).what(offerer.name()).item(itemName)),
                    null);
        }
        String wantedName = offer.wanted() == null ? null
                : turn.world.item(offer.wanted()).map(ItemDef::name).orElse(offer.wanted());
        if (offer.wanted() != null && !turn.player.inventory().contains(offer.wanted())) {
            return new Swap(turn.refuse(Refused.because(Refusal.LACK_WANTED).item(wantedName)), null);
        }
        if (offer.wanted() == null && turn.player.inventory().size() >= ItemRules.MAX_INVENTORY) {
            return new Swap(turn.refuse(Refused.because(Refusal.PACK_FULL).item(itemName)), null);
        }
        List<String> mine = new ArrayList<>(turn.player.inventory());
        List<String> theirs = new ArrayList<>(offerer.inventory());
        theirs.remove(offer.item());
        mine.add(offer.item());
        if (offer.wanted() != null) {
            mine.remove(offer.wanted());
            theirs.add(offer.wanted());
        }
        turn.player = turn.player.withInventory(mine);
        Outcome outcome = turn.done(new Facts.TradeAccepted(offer.item(), itemName, offer.wanted(), wantedName,
                offerer.id(), offerer.name()));
        return new Swap(outcome, offerer.withInventory(theirs));
    }

    /** DECLINE an offer made to the player ({@code offer} null: none waiting). */
    static Outcome decline(Turn turn, Offer offer, String offererName, String named) {
        if (offer == null) {
            return turn.refuse(Refused.because(Refusal.NO_OFFER).what(named));
        }
        return turn.done(new Facts.TradeDeclined(offer.fromId(), offererName, offer.item(),
                turn.world.item(offer.item()).map(ItemDef::name).orElse(offer.item())));
    }

    /** CANCEL the player's own offer ({@code own} null: none waiting). */
    static Outcome cancel(Turn turn, Offer own, String recipientName) {
        if (own == null) {
            return turn.refuse(Refused.because(Refusal.NO_OWN_OFFER));
        }
        return turn.done(new Facts.TradeCancelled(own.toId(), recipientName, own.item(),
                turn.world.item(own.item()).map(ItemDef::name).orElse(own.item())));
    }
}
