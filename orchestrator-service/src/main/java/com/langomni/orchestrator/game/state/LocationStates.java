package com.langomni.orchestrator.game.state;

import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.RulesEngine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads location state for views, without locking; a place nobody has acted in yet is as the pack authors it. */
@ApplicationScoped
public class LocationStates {

    private final LocationStateRepository locations;
    private final RulesEngine rules;

    LocationStates(LocationStateRepository locations, RulesEngine rules) {
        this.locations = locations;
        this.rules = rules;
    }

    public Uni<LocationState> current(String locationId) {
        return Panache.withSession(() -> locations.findById(locationId))
                .map(row -> row != null ? LocationStateMapper.toState(row) : rules.initialState(locationId));
    }
}
