package com.langomni.orchestrator.admin.metering;

/** An admin's budget change: tokens per hour and per day; a null field goes back to the configured default. */
public record BudgetRequest(Long perHour, Long perDay) {
}
