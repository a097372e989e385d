package com.langomni.orchestrator.game.world;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;

/** A creature definition of the world pack. */
@Entity
@Table(name = "creatures")
public class CreatureDefinitionEntity extends WorldDefinitionEntity {

    public static CreatureDefinitionEntity of(String id, String name, Map<String, Object> definition) {
        return new CreatureDefinitionEntity().fill(id, name, definition);
    }
}
