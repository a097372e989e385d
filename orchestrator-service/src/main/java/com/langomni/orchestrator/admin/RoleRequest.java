package com.langomni.orchestrator.admin;

/** An admin's role change: {@code admin} or {@code player}. */
public record RoleRequest(String role) {
}
