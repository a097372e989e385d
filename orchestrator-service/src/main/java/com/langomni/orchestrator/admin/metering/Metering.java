package com.langomni.orchestrator.admin.metering;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/admin/metering}: what the LLMs cost this clock hour (UTC), for everyone and for the players who
 * spent, at the configured prices.
 *
 * @param hour              start of the hour the figures cover (ISO-8601, UTC)
 * @param prices            price per 1,000 tokens per backend role
 * @param costPerPlayerHour this hour's cost over the players who spent in it, each counted for the hour's elapsed
 *                          share (an estimate: a player who acted once this hour counts as present throughout)
 * @param players           who spent this hour, most tokens first, at most 100
 */
public record Metering(String currency, String hour, Map<String, Double> prices, WorldSpend world,
                       Map<String, RoleSpend> roles, long playersThisHour, double costPerPlayerHour,
                       List<PlayerSpend> players) {

    /** Everyone's spend this hour and the world budget ({@code budgetPerHour} 0: none). */
    public record WorldSpend(long promptTokens, long completionTokens, long tokens, double cost, long budgetPerHour,
                             boolean overBudget) {
    }

    public record RoleSpend(long tokens, double cost) {
    }
}
