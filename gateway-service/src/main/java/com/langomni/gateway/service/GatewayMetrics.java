package com.langomni.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/** Gateway meters on /q/metrics. Tags stay low-cardinality: never a player id. */
@Startup
@ApplicationScoped
public class GatewayMetrics {

    private final MeterRegistry meters;

    public GatewayMetrics(MeterRegistry meters, ConnectionRegistry registry) {
        this.meters = meters;
        Gauge.builder("langomni.gateway.sockets.open", registry, ConnectionRegistry::openSockets)
                .description("Player sockets open on this gateway").strongReference(true).register(meters);
        Gauge.builder("langomni.gateway.players.online", registry, ConnectionRegistry::playersOnline)
                .description("Distinct players with at least one socket on this gateway").strongReference(true)
                .register(meters);
    }

    /** Counts sockets the gateway closed (or refused) on purpose, by reason. */
    public void socketClosed(String reason) {
        meters.counter("langomni.gateway.sockets.closed", "reason", reason).increment();
    }
}
