package com.langomni.orchestrator.game.rules.model;

import java.util.List;

/**
 * An item definition.
 *
 * @param damage extra damage when fighting with it (weapons)
 * @param heal   HP restored when used (consumables, which are used up)
 */
public record ItemDef(String id, String name, List<String> aliases, String description, ItemKind kind,
                      int damage, int heal, boolean takeable) {
}
