package com.langomni.orchestrator.support;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * The gateways the tests open sessions on, as a real gateway would name itself. Tests are not gateways and do not
 * heartbeat, so these two are registered at start with a heartbeat dated a year ahead: the presence reaper (dead
 * after 4 s in %test) never takes the sockets of an unrelated test. Tests of the reaper use gateways of their own.
 */
@ApplicationScoped
public class TestGateways {

    public static final String MAIN = "orchestrator-tests";
    public static final String OTHER = "orchestrator-tests-2";

    void register(@Observes StartupEvent event, ReactiveRedisDataSource redis) {
        String future = Long.toString(System.currentTimeMillis() + Duration.ofDays(365).toMillis());
        redis.execute("ZADD", "langomni:gateways", future, MAIN, future, OTHER)
                .onFailure().invoke(failure -> Log.infof("Test gateways not registered: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .await().atMost(Duration.ofSeconds(5));
    }

    /** The session path ({@code action} = open or close) of one socket of the player on {@code gateway}. */
    public static String session(String playerId, String action, String gateway, String connection) {
        return "/internal/sessions/" + playerId + "/" + action + "?gateway=" + gateway + "&connection=" + connection;
    }

    /** The session path of the player's socket {@code c1} on the main test gateway. */
    public static String session(String playerId, String action) {
        return session(playerId, action, MAIN, "c1");
    }
}
