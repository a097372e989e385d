package com.langomni.orchestrator.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The event log. Append and read only: the table refuses updates and deletes. */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<EventEntity, Long> {
}
