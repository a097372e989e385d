package com.langomni.api.game;

/** The gateway's request to redeem a socket ticket ({@code POST /internal/tickets/redeem}); it works once. */
public record TicketRedemption(String ticket) {
}
