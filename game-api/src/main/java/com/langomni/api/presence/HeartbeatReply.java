package com.langomni.api.presence;

/**
 * The orchestrator's answer to a gateway heartbeat ({@code POST /internal/gateways/{gatewayId}/heartbeat}).
 *
 * @param reset true when the orchestrator holds no sockets of this gateway any more (it was declared dead after
 *              missing heartbeats, or Redis lost its data): the gateway closes every socket it opened before it
 *              sent this heartbeat, so each client reconnects and is counted again
 */
public record HeartbeatReply(boolean reset) {
}
