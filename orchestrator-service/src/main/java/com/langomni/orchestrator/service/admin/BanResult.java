package com.langomni.orchestrator.service.admin;

/** Answer to a ban: the ISO-8601 instant it ends. */
public record BanResult(String bannedUntil) {
}
