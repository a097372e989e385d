package com.langomni.orchestrator.game.world;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A world pack definition row: id, display name and the authored definition as a JSON document. */
@MappedSuperclass
public abstract class WorldDefinitionEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> definition;

    protected <T extends WorldDefinitionEntity> T fill(String id, String name, Map<String, Object> definition) {
        this.id = id;
        this.name = name;
        this.definition = definition;
        @SuppressWarnings("unchecked")
        T self = (T) this;
        return self;
    }
}
