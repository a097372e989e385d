package com.langomni.orchestrator.admin;

/** Answer to a ban: the ISO-8601 instant it ends. */
public record BanResult(String bannedUntil) {
}
