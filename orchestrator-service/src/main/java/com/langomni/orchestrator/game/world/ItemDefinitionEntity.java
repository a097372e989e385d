package com.langomni.orchestrator.game.world;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;

/** An item definition of the world pack. */
@Entity
@Table(name = "items")
public class ItemDefinitionEntity extends WorldDefinitionEntity {

    public static ItemDefinitionEntity of(String id, String name, Map<String, Object> definition) {
        return new ItemDefinitionEntity().fill(id, name, definition);
    }
}
