package com.langomni.orchestrator.service.admin;

/** An admin's budget change: tokens per hour and per day; a null field goes back to the configured default. */
public record BudgetRequest(Long perHour, Long perDay) {
}
