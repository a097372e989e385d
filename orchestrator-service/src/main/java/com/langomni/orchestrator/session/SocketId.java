package com.langomni.orchestrator.session;

import java.util.regex.Pattern;
import com.langomni.support.error.ApiException;

/**
 * One player socket, as its gateway names it: the gateway's instance id and the connection's id there. Both are
 * 1..128 characters of letters, digits, '.', '_' and '-' (no '/': it separates the parts in Redis members).
 */
public record SocketId(String gatewayId, String connectionId) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** The socket named by the session API's {@code gateway} and {@code connection} parameters; 400 when either is bad. */
    public static SocketId of(String gatewayId, String connectionId) {
        return new SocketId(gatewayId(gatewayId), require("connection", connectionId));
    }

    /** {@code gatewayId} when it is a valid gateway id; 400 otherwise. */
    public static String gatewayId(String gatewayId) {
        return require("gateway", gatewayId);
    }

    /** The member naming this socket in the player's socket set. */
    String playerMember() {
        return gatewayId + "/" + connectionId;
    }

    /** The member naming this socket of {@code playerId} in the gateway's socket set. */
    String gatewayMember(String playerId) {
        return playerId + "/" + connectionId;
    }

    /** The socket of a gateway-set member ({@code playerId/connectionId}); its player is {@link #playerOf}. */
    static SocketId fromGatewayMember(String gatewayId, String member) {
        return new SocketId(gatewayId, member.substring(member.lastIndexOf('/') + 1));
    }

    static String playerOf(String gatewayMember) {
        return gatewayMember.substring(0, gatewayMember.lastIndexOf('/'));
    }

    private static String require(String name, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ApiException.badRequest(name + " must be 1-128 letters, digits, '.', '_' or '-' (got "
                    + (value == null ? "nothing" : "'" + abbreviate(value) + "'") + ")");
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
