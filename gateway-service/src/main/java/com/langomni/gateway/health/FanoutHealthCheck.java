package com.langomni.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.langomni.gateway.service.RedisFanout;

/** Ready only while the Redis subscription is up: without it players would get no results or events. */
@Readiness
@ApplicationScoped
public class FanoutHealthCheck implements HealthCheck {

    private final RedisFanout fanout;

    public FanoutHealthCheck(RedisFanout fanout) {
        this.fanout = fanout;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("redis-fanout")
                .status(fanout.isActive())
                .withData("subscription", fanout.isActive() ? "active" : "reconnecting")
                .build();
    }
}
