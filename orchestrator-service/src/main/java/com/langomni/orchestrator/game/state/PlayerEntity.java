package com.langomni.orchestrator.game.state;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import com.langomni.orchestrator.game.world.JsonArrayConverters;

/** A player row: credentials and the persistent copy of the game state. Never leaves the service. */
@Entity
@Table(name = "players")
public class PlayerEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 24)
    public String name;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false, length = 16)
    public String role;

    @Column(name = "location_id", nullable = false)
    public String locationId;

    @Column(nullable = false)
    public int hp;

    @Column(name = "max_hp", nullable = false)
    public int maxHp;

    @Convert(converter = JsonArrayConverters.StringList.class)
    @ColumnTransformer(read = "cast(inventory as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> inventory;

    /** Bumped on every state write; a stale hot copy in Redis is detected by it. */
    @Column(nullable = false)
    public long version;

    /** Sessions opened at an older version are over (V3__auth_sessions.sql); changed only by update statements. */
    @Column(name = "auth_version", nullable = false)
    public long authVersion;

    /** Logins are refused before this instant; null when not banned. */
    @Column(name = "banned_until")
    public Instant bannedUntil;

    @Column(name = "ban_reason")
    public String banReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
