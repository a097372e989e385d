package com.langomni.words;

import com.langomni.api.outcome.Facts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The facts of an outcome as named values: what the templates ({@link Scene}) and the model's prompt
 * ({@link NarrationPrompt}) speak of. Ids and names side by side ({@code item}, {@code itemName}), numbers and flags
 * as text; a value that does not apply is absent.
 */
public final class FactValues {

    private final Map<String, String> values = new LinkedHashMap<>();

    private FactValues() {
    }

    /** The named values of {@code facts}; empty for none. */
    public static Map<String, String> of(Facts facts) {
        FactValues v = new FactValues();
        if (facts != null) {
            v.fill(facts);
        }
        return Collections.unmodifiableMap(v.values);
    }

    /** Every kind is named here: a new kind of facts does not compile until it says what it shows. */
    private FactValues fill(Facts facts) {
        return switch (facts.kind()) {
            case LOOKED -> put("locationName", ((Facts.Looked) facts).place().name());
            case MOVED -> {
                var f = (Facts.Moved) facts;
                put("direction", f.way().direction()).put("from", f.from()).put("to", f.to())
                        .put("fromName", f.fromName()).put("toName", f.toName());
                yield f.unlocked() ? put("unlocked", true).put("item", f.key()) : this;
            }
            case ITEM_EXAMINED -> {
                var f = (Facts.ItemExamined) facts;
                yield put("item", f.item()).put("itemName", f.itemName()).put("kind", f.itemKind())
                        .put("itemDamage", f.itemDamage()).put("itemHeal", f.itemHeal());
            }
            case NPC_EXAMINED -> put("npc", ((Facts.NpcExamined) facts).npc())
                    .put("npcName", ((Facts.NpcExamined) facts).npcName());
            case CREATURE_EXAMINED -> {
                var f = (Facts.CreatureExamined) facts;
                yield put("creature", f.creature()).put("creatureName", f.creatureName())
                        .put("creatureHp", f.creatureHp()).put("creatureMaxHp", f.creatureMaxHp());
            }
            case EXIT_EXAMINED -> {
                var f = (Facts.ExitExamined) facts;
                yield put("direction", f.way().direction()).put("to", f.to()).put("toName", f.toName());
            }
            case SELF_EXAMINED -> {
                var f = (Facts.SelfExamined) facts;
                yield put("playerHp", f.playerHp()).put("playerMaxHp", f.playerMaxHp()).put("items", joined(f.items()));
            }
            case TAKEN -> item(((Facts.Taken) facts).item(), ((Facts.Taken) facts).itemName());
            case DROPPED -> item(((Facts.Dropped) facts).item(), ((Facts.Dropped) facts).itemName());
            case INVENTORY_SHOWN -> {
                var f = (Facts.InventoryShown) facts;
                yield put("items", joined(f.items())).put("playerHp", f.playerHp()).put("playerMaxHp", f.playerMaxHp());
            }
            case HEALED -> {
                var f = (Facts.Healed) facts;
                yield item(f.item(), f.itemName()).put("healed", f.healed()).put("playerHp", f.playerHp())
                        .put("playerMaxHp", f.playerMaxHp());
            }
            case UNLOCKED -> {
                var f = (Facts.Unlocked) facts;
                yield item(f.item(), f.itemName()).put("unlocked", true)
                        .put("direction", f.ways().isEmpty() ? null : f.ways().get(0).direction());
            }
            case NO_EFFECT -> item(((Facts.NoEffect) facts).item(), ((Facts.NoEffect) facts).itemName());
            case SAID -> put("said", ((Facts.Said) facts).said());
            case TALKED -> {
                var f = (Facts.Talked) facts;
                yield put("npc", f.npc()).put("npcName", f.npcName()).put("npcTitle", f.npcTitle())
                        .put("topic", f.topic()).put("greeting", f.greeting());
            }
            case TOLD -> {
                var f = (Facts.Told) facts;
                yield put("npc", f.npc()).put("npcName", f.npcName()).put("npcTitle", f.npcTitle())
                        .put("said", f.said());
            }
            case FOUGHT -> fought((Facts.Fought) facts);
            case GIVEN -> {
                var f = (Facts.Given) facts;
                yield item(f.item(), f.itemName()).put("npc", f.npc()).put("npcName", f.npcName());
            }
            case HELP_SHOWN, QUESTS_SHOWN, NOTHING -> this;
            case TRADE_OFFERED -> {
                var f = (Facts.TradeOffered) facts;
                yield item(f.item(), f.itemName()).put("wanted", f.wanted()).put("wantedName", f.wantedName())
                        .put("player", f.player()).put("playerName", f.playerName());
            }
            case TRADE_ACCEPTED -> {
                var f = (Facts.TradeAccepted) facts;
                yield item(f.received(), f.receivedName()).put("given", f.given()).put("givenName", f.givenName())
                        .put("player", f.player()).put("playerName", f.playerName());
            }
            case TRADE_DECLINED -> {
                var f = (Facts.TradeDeclined) facts;
                yield item(f.item(), f.itemName()).put("player", f.player()).put("playerName", f.playerName());
            }
            case TRADE_CANCELLED -> {
                var f = (Facts.TradeCancelled) facts;
                yield item(f.item(), f.itemName()).put("player", f.player()).put("playerName", f.playerName());
            }
            case PARTY_INVITED -> put("player", ((Facts.PartyInvited) facts).player())
                    .put("playerName", ((Facts.PartyInvited) facts).playerName());
            case PARTY_JOINED -> {
                var f = (Facts.PartyJoined) facts;
                yield put("player", f.player()).put("playerName", f.playerName()).put("members", joined(f.members()));
            }
            case PARTY_LEFT -> put("members", joined(((Facts.PartyLeft) facts).members()));
            case PARTY_SHOWN -> put("members", joined(((Facts.PartyShown) facts).members().stream()
                    .map(Facts.PartyMember::name).toList()));
            case PARTY_SAID -> put("said", ((Facts.PartySaid) facts).said());
            case REFUSED -> {
                var f = (Facts.Refused) facts;
                yield put("refused", true).put("reason", f.reason().name().toLowerCase(Locale.ROOT))
                        .put("what", f.what()).put("itemName", f.item())
                        .put("direction", f.way() == null ? null : f.way().direction()).put("npc", f.npc())
                        .put("npcName", f.npcName()).put("creatureName", f.creature())
                        .put("present", f.here() == null ? null : joined(f.here()));
            }
        };
    }

    private FactValues fought(Facts.Fought f) {
        return put("creature", f.creature()).put("creatureName", f.creatureName()).put("weapon", f.weapon())
                .put("weaponName", f.weaponName()).put("hit", f.hit()).put("damage", f.damage())
                .put("creatureHp", f.creatureHp()).put("creatureMaxHp", f.creatureMaxHp()).put("killed", f.killed())
                .put("respawnAt", f.respawnAt())
                .put("loot", f.loot() == null || f.loot().isEmpty() ? null : joined(f.loot()))
                .put("creatureHit", f.creatureHit()).put("creatureDamage", f.creatureDamage())
                .put("playerHp", f.playerHp()).put("died", f.died()).put("respawnLocation", f.respawnLocation())
                .put("respawnLocationName", f.respawnLocationName());
    }

    private FactValues item(String id, String name) {
        return put("item", id).put("itemName", name);
    }

    private FactValues put(String key, Object value) {
        if (value != null) {
            values.put(key, String.valueOf(value));
        }
        return this;
    }

    private static String joined(List<String> names) {
        return String.join(", ", names);
    }
}
