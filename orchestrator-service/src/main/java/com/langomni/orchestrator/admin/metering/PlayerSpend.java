package com.langomni.orchestrator.admin.metering;

/**
 * One player's metered LLM spend and budget, for the admin panel.
 *
 * @param budgetPerHour tokens per clock hour (UTC) in force, 0 for none
 * @param budgetPerDay  tokens per UTC day in force, 0 for none
 * @param custom        true when an admin set this player's budget (else the configured defaults)
 * @param overBudget    true when either window is spent: the player gets rules narration and authored NPC answers
 */
public record PlayerSpend(String playerId, String name, long tokensThisHour, long tokensToday, double costThisHour,
                          double costToday, long budgetPerHour, long budgetPerDay, boolean custom, boolean overBudget) {
}
