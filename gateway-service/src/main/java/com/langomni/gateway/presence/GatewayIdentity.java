package com.langomni.gateway.presence;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.langomni.gateway.config.GatewayConfig;

import io.quarkus.logging.Log;

/**
 * This gateway process's instance id: the orchestrator names each socket by it (with the connection id) and
 * closes them all when the heartbeats sent under it stop. A process gets a new one at every start, so the sockets
 * of a crashed process are never mistaken for a restarted one's.
 */
@ApplicationScoped
public class GatewayIdentity {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** Room left for the random suffix within the 128 characters. */
    private static final int MAX_HOST = 100;

    private final String id;

    public GatewayIdentity(GatewayConfig config) {
        this.id = config.instanceId().map(GatewayIdentity::validated).orElseGet(() -> generated(System.getenv("HOSTNAME")));
        Log.infof("Gateway instance id: %s", id);
    }

    public String id() {
        return id;
    }

    /** {@code <host>-<8 random hex>}: the host (the pod name in Kubernetes) tells an operator where it runs. */
    static String generated(String host) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String suffix = HexFormat.of().formatHex(random);
        String prefix = host == null ? "" : host.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        if (prefix.length() > MAX_HOST) {
            prefix = prefix.substring(0, MAX_HOST);
        }
        return (prefix.isEmpty() ? "gateway" : prefix) + "-" + suffix;
    }

    static String validated(String configured) {
        if (!VALID.matcher(configured).matches()) {
            throw new IllegalArgumentException("langomni.gateway.instance-id must be 1-128 letters, digits, '.', '_' or '-'"
                    + " starting with a letter or digit; got '" + configured + "'");
        }
        return configured;
    }
}
