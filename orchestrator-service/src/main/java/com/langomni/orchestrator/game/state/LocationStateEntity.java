package com.langomni.orchestrator.game.state;

import com.langomni.orchestrator.game.rules.model.CreatureState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import com.langomni.orchestrator.game.world.JsonArrayConverters;

/** The shared mutable state of one location. */
@Entity
@Table(name = "location_state")
public class LocationStateEntity extends PanacheEntityBase {

    @Id
    @Column(name = "location_id")
    public String locationId;

    @Convert(converter = JsonArrayConverters.StringList.class)
    @ColumnTransformer(read = "cast(items as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> items;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, CreatureState> creatures;

    @Convert(converter = JsonArrayConverters.StringSet.class)
    @ColumnTransformer(read = "cast(unlocked_exits as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "unlocked_exits", nullable = false, columnDefinition = "jsonb")
    public Set<String> unlockedExits;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
