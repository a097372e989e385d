package com.langomni.orchestrator.admin;

/** An admin's ban: for how many minutes (1 to 525600, a year) and why (optional, shown to the player). */
public record BanRequest(Integer minutes, String reason) {
}
