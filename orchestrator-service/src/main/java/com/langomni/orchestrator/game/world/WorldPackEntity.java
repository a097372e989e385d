package com.langomni.orchestrator.game.world;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The world pack currently seeded into the world tables (a single row, id 1). */
@Entity
@Table(name = "world_pack")
public class WorldPackEntity extends PanacheEntityBase {

    public static final short SINGLETON_ID = 1;

    @Id
    public short id = SINGLETON_ID;

    @Column(nullable = false)
    public String version;

    @Column(nullable = false)
    public String checksum;

    @Column(name = "loaded_at", nullable = false)
    public Instant loadedAt;
}
