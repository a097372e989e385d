package com.langomni.orchestrator.game.world;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;

/** An NPC of the world pack, with its home location for queries by place. */
@Entity
@Table(name = "npcs")
public class NpcDefinitionEntity extends WorldDefinitionEntity {

    @Column(name = "location_id")
    public String locationId;

    public static NpcDefinitionEntity of(String id, String name, String locationId, Map<String, Object> definition) {
        NpcDefinitionEntity row = new NpcDefinitionEntity().fill(id, name, definition);
        row.locationId = locationId;
        return row;
    }
}
