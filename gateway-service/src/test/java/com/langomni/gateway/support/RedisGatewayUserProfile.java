package com.langomni.gateway.support;

import java.net.URI;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Connects the gateway to the test Redis as {@link RedisGatewayUserResource#USER} (created by that resource). A
 * profile, not the resource's own config: profile overrides win over the %test keys of application.properties and
 * _TEST_QUARKUS_REDIS_HOSTS.
 */
public class RedisGatewayUserProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        URI redis = RedisAcl.testRedis();
        // as deployed: the user in the query (REDIS_URL=redis://redis:6379?user=gateway), the password on its own
        String hosts = redis.getScheme() + "://" + redis.getHost() + ":" + redis.getPort() + redis.getPath()
                + "?user=" + RedisGatewayUserResource.USER;
        return Map.of("quarkus.redis.hosts", hosts, "%test.quarkus.redis.hosts", hosts,
                "quarkus.redis.password", RedisGatewayUserResource.PASSWORD,
                "%test.quarkus.redis.password", RedisGatewayUserResource.PASSWORD);
    }
}
