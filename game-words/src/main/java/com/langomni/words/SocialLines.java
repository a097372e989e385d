package com.langomni.words;

import com.langomni.api.outcome.Facts;

/**
 * What the other side of a trade or a party hears of an action, wherever they are: the offer made to them, the
 * trade done with them, an invitation, a member joining or leaving, party chat. Said from the same facts as the
 * actor's sentence ({@link OutcomeText}); {@code actor} is the acting player's name.
 */
public final class SocialLines {

    private SocialLines() {
    }

    /** To the player an offer is made to. */
    public static String offered(String actor, Facts.TradeOffered f) {
        return actor + " offers you the " + f.itemName()
                + (f.wanted() == null ? " as a gift" : " for your " + f.wantedName())
                + ". Type \"accept\" or \"decline\".";
    }

    /** To the player whose offer was accepted. */
    public static String accepted(String actor, Facts.TradeAccepted f) {
        return f.given() == null ? actor + " accepts your gift of the " + f.receivedName() + "."
                : actor + " accepts your offer: you give the " + f.receivedName() + " and get the " + f.givenName()
                        + ".";
    }

    /** To the player whose offer was declined. */
    public static String declined(String actor, Facts.TradeDeclined f) {
        return actor + " declines your offer of the " + f.itemName() + ".";
    }

    /** To the player an offer was withdrawn from. */
    public static String cancelled(String actor, Facts.TradeCancelled f) {
        return actor + " withdraws the offer of the " + f.itemName() + ".";
    }

    /** To the invited player. */
    public static String invited(String actor) {
        return actor + " invites you to join their party. Type \"join\" to come along.";
    }

    /** To the other members. */
    public static String joined(String actor) {
        return actor + " joins the party.";
    }

    /** To the members who stay. */
    public static String left(String actor) {
        return actor + " leaves the party.";
    }

    /** Party chat, to the other members. */
    public static String said(String actor, Facts.PartySaid f) {
        return "[party] " + actor + ": " + f.said();
    }
}
