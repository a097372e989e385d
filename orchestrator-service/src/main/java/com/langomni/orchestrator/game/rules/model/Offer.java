package com.langomni.orchestrator.game.rules.model;

/**
 * A trade offered and not yet answered: {@code fromId} offers {@code item} to {@code toId}, for {@code wanted} from
 * their pack (null: a gift). Nothing is set aside: both still hold what they hold until the offer is accepted, when
 * the rules check again that each has their part and that both stand in the same place.
 */
public record Offer(String fromId, String toId, String locationId, String item, String wanted, long expiresAtMillis) {
}
