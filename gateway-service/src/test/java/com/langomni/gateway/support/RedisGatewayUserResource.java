package com.langomni.gateway.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Creates, in the test Redis, an ACL user with the deployment's gateway rules (deleted after), for the gateway to
 * connect as (RedisGatewayUserProfile) instead of the default user.
 */
public class RedisGatewayUserResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "langomni-gateway-acl-test";
    /** Fixed per JVM, so a test can log in as the same user. */
    public static final String PASSWORD = UUID.randomUUID().toString().replace("-", "");

    private URI redis;

    @Override
    public Map<String, String> start() {
        redis = RedisAcl.testRedis();
        List<String> command = new ArrayList<>(List.of("ACL", "SETUSER", USER, "reset", "on", ">" + PASSWORD));
        command.addAll(RedisAcl.gatewayRules());
        String reply = RedisAcl.run(redis, null, null, command.toArray(String[]::new));
        if (!"+OK".equals(reply)) {
            throw new IllegalStateException("ACL SETUSER " + command + " answered " + reply);
        }
        return Map.of(); // the connection settings: RedisGatewayUserProfile
    }

    @Override
    public void stop() {
        if (redis != null) {
            RedisAcl.run(redis, null, null, "ACL", "DELUSER", USER);
        }
    }
}
