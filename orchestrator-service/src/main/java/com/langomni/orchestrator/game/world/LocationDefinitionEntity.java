package com.langomni.orchestrator.game.world;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;

/** A location of the world pack. */
@Entity
@Table(name = "locations")
public class LocationDefinitionEntity extends WorldDefinitionEntity {

    public static LocationDefinitionEntity of(String id, String name, Map<String, Object> definition) {
        return new LocationDefinitionEntity().fill(id, name, definition);
    }
}
