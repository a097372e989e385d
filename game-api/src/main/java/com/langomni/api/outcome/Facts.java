package com.langomni.api.outcome;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.langomni.api.game.LocationView;
import com.langomni.api.quest.QuestEntry;
import java.util.List;
import java.util.Locale;

/**
 * What the rules engine decided for one action, as data: one record per kind of outcome, everything its words need
 * and nothing worded. The orchestrator's rules build them; game-words turns them into the sentence the player
 * reads, the lines others see, the template narration and the model's prompt; world-llm-service receives them in
 * {@code NarrationRequest.facts}. On the wire: a JSON object with its {@link Kind} in {@code "kind"} and the
 * record's components (absent when null); an object without a known kind reads as {@link Nothing}.
 * <p>
 * Adding a kind: a record here, its {@link Kind} constant and its {@link JsonSubTypes} entry (FactsJsonTest checks
 * the three agree); then the compiler points at every switch over {@link Kind} that must learn it.
 * Ids ({@code item}, {@code npc}, ...) are world ids; {@code *Name} fields are what players read.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind", defaultImpl = Facts.Nothing.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = Facts.Looked.class, name = "looked"),
        @JsonSubTypes.Type(value = Facts.Moved.class, name = "moved"),
        @JsonSubTypes.Type(value = Facts.ItemExamined.class, name = "item_examined"),
        @JsonSubTypes.Type(value = Facts.NpcExamined.class, name = "npc_examined"),
        @JsonSubTypes.Type(value = Facts.CreatureExamined.class, name = "creature_examined"),
        @JsonSubTypes.Type(value = Facts.ExitExamined.class, name = "exit_examined"),
        @JsonSubTypes.Type(value = Facts.SelfExamined.class, name = "self_examined"),
        @JsonSubTypes.Type(value = Facts.Taken.class, name = "taken"),
        @JsonSubTypes.Type(value = Facts.Dropped.class, name = "dropped"),
        @JsonSubTypes.Type(value = Facts.InventoryShown.class, name = "inventory_shown"),
        @JsonSubTypes.Type(value = Facts.Healed.class, name = "healed"),
        @JsonSubTypes.Type(value = Facts.Unlocked.class, name = "unlocked"),
        @JsonSubTypes.Type(value = Facts.NoEffect.class, name = "no_effect"),
        @JsonSubTypes.Type(value = Facts.Said.class, name = "said"),
        @JsonSubTypes.Type(value = Facts.Talked.class, name = "talked"),
        @JsonSubTypes.Type(value = Facts.Told.class, name = "told"),
        @JsonSubTypes.Type(value = Facts.Fought.class, name = "fought"),
        @JsonSubTypes.Type(value = Facts.Given.class, name = "given"),
        @JsonSubTypes.Type(value = Facts.HelpShown.class, name = "help_shown"),
        @JsonSubTypes.Type(value = Facts.QuestsShown.class, name = "quests_shown"),
        @JsonSubTypes.Type(value = Facts.Nothing.class, name = "nothing"),
        @JsonSubTypes.Type(value = Facts.Refused.class, name = "refused"),
        @JsonSubTypes.Type(value = Facts.TradeOffered.class, name = "trade_offered"),
        @JsonSubTypes.Type(value = Facts.TradeAccepted.class, name = "trade_accepted"),
        @JsonSubTypes.Type(value = Facts.TradeDeclined.class, name = "trade_declined"),
        @JsonSubTypes.Type(value = Facts.TradeCancelled.class, name = "trade_cancelled"),
        @JsonSubTypes.Type(value = Facts.PartyInvited.class, name = "party_invited"),
        @JsonSubTypes.Type(value = Facts.PartyJoined.class, name = "party_joined"),
        @JsonSubTypes.Type(value = Facts.PartyLeft.class, name = "party_left"),
        @JsonSubTypes.Type(value = Facts.PartyShown.class, name = "party_shown"),
        @JsonSubTypes.Type(value = Facts.PartySaid.class, name = "party_said")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Facts {

    /** The kinds of outcome; a switch over them without {@code default} is how code learns a new one. */
    enum Kind {
        LOOKED(Looked.class), MOVED(Moved.class), ITEM_EXAMINED(ItemExamined.class), NPC_EXAMINED(NpcExamined.class),
        CREATURE_EXAMINED(CreatureExamined.class), EXIT_EXAMINED(ExitExamined.class),
        SELF_EXAMINED(SelfExamined.class), TAKEN(Taken.class), DROPPED(Dropped.class),
        INVENTORY_SHOWN(InventoryShown.class), HEALED(Healed.class), UNLOCKED(Unlocked.class),
        NO_EFFECT(NoEffect.class), SAID(Said.class), TALKED(Talked.class), TOLD(Told.class), FOUGHT(Fought.class),
        GIVEN(Given.class), HELP_SHOWN(HelpShown.class), QUESTS_SHOWN(QuestsShown.class), NOTHING(Nothing.class),
        REFUSED(Refused.class),
        TRADE_OFFERED(TradeOffered.class), TRADE_ACCEPTED(TradeAccepted.class), TRADE_DECLINED(TradeDeclined.class),
        TRADE_CANCELLED(TradeCancelled.class), PARTY_INVITED(PartyInvited.class), PARTY_JOINED(PartyJoined.class),
        PARTY_LEFT(PartyLeft.class), PARTY_SHOWN(PartyShown.class), PARTY_SAID(PartySaid.class);

        private final Class<? extends Facts> type;

        Kind(Class<? extends Facts> type) {
            this.type = type;
        }

        /** The record of this kind. */
        public Class<? extends Facts> type() {
            return type;
        }

        /** The {@code "kind"} on the wire. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @JsonIgnore
    Kind kind();

    /** LOOK (and "examine the room"): the place as the player sees it; {@code place.players} is empty. */
    record Looked(LocationView place) implements Facts {
        public Kind kind() {
            return Kind.LOOKED;
        }
    }

    /**
     * GO (and a bare exit name): the player went along {@code way} from one location to another.
     *
     * @param back    the direction of the way back from the new place, null when none leads back
     * @param key     the key item that unlocked the way on the way through, null when it was open
     * @param keyName that key's name (null when the pack no longer defines it)
     */
    record Moved(Way way, String from, String fromName, String to, String toName, String back, String key,
                 String keyName) implements Facts {
        public Kind kind() {
            return Kind.MOVED;
        }

        /** True when the player unlocked the way to go through it. */
        public boolean unlocked() {
            return key != null;
        }
    }

    /**
     * EXAMINE an item, carried or on the ground.
     *
     * @param itemKind   {@code weapon}, {@code consumable}, {@code key}, {@code treasure}, ...
     * @param itemDamage the damage a weapon adds, null for anything else
     * @param itemHeal   the HP a consumable restores, null for anything else
     */
    record ItemExamined(String item, String itemName, String itemKind, String description, Integer itemDamage,
                        Integer itemHeal) implements Facts {
        public Kind kind() {
            return Kind.ITEM_EXAMINED;
        }
    }

    /** EXAMINE an NPC: {@code appearance} is what anyone sees of them (the first sentence of their persona). */
    record NpcExamined(String npc, String npcName, String npcTitle, String appearance) implements Facts {
        public Kind kind() {
            return Kind.NPC_EXAMINED;
        }
    }

    /** EXAMINE a creature. */
    record CreatureExamined(String creature, String creatureName, String description, int creatureHp,
                            int creatureMaxHp, boolean hostile) implements Facts {
        public Kind kind() {
            return Kind.CREATURE_EXAMINED;
        }
    }

    /** EXAMINE an exit. */
    record ExitExamined(Way way, String to, String toName, boolean locked) implements Facts {
        public Kind kind() {
            return Kind.EXIT_EXAMINED;
        }
    }

    /** EXAMINE oneself: health and the names of what is carried. */
    record SelfExamined(String playerName, int playerHp, int playerMaxHp, List<String> items) implements Facts {
        public Kind kind() {
            return Kind.SELF_EXAMINED;
        }
    }

    /** TAKE. */
    record Taken(String item, String itemName) implements Facts {
        public Kind kind() {
            return Kind.TAKEN;
        }
    }

    /** DROP. */
    record Dropped(String item, String itemName) implements Facts {
        public Kind kind() {
            return Kind.DROPPED;
        }
    }

    /** INVENTORY: the names of what is carried, and health. */
    record InventoryShown(List<String> items, int playerHp, int playerMaxHp) implements Facts {
        public Kind kind() {
            return Kind.INVENTORY_SHOWN;
        }
    }

    /** USE a consumable: {@code healed} HP recovered, the player's HP after. */
    record Healed(String item, String itemName, int healed, int playerHp, int playerMaxHp) implements Facts {
        public Kind kind() {
            return Kind.HEALED;
        }
    }

    /** USE a key: the ways it unlocked here. */
    record Unlocked(String item, String itemName, List<Way> ways) implements Facts {
        public Kind kind() {
            return Kind.UNLOCKED;
        }
    }

    /** USE an item with no effect: one carried, or one fixed on the ground ({@code carried} false). */
    record NoEffect(String item, String itemName, boolean carried) implements Facts {
        public Kind kind() {
            return Kind.NO_EFFECT;
        }
    }

    /** SAY: the words said, as typed. */
    record Said(String said) implements Facts {
        public Kind kind() {
            return Kind.SAID;
        }
    }

    /** TALK to an NPC, about {@code topic} (null when none); {@code greeting} is their authored greeting. */
    record Talked(String npc, String npcName, String npcTitle, String topic, String greeting) implements Facts {
        public Kind kind() {
            return Kind.TALKED;
        }
    }

    /** TELL an NPC something: the words said, as typed. */
    record Told(String npc, String npcName, String npcTitle, String said) implements Facts {
        public Kind kind() {
            return Kind.TOLD;
        }
    }

    /**
     * ATTACK: one exchange of blows.
     *
     * @param weapon         the weapon used, null for bare hands
     * @param damage         the player's damage, 0 on a miss
     * @param creatureHp     the creature's HP after the blow
     * @param respawnAt      when a killed creature comes back (epoch millis), null while it lives
     * @param loot           names of what a killed creature left, null when nothing
     * @param creatureHit    whether the creature's answer hit, null when it did not strike back
     * @param creatureDamage its damage when it struck back, else null
     * @param playerHp       the player's HP after the exchange (full again after a death)
     * @param died           the player died and woke at {@code respawnLocation}
     */
    record Fought(String creature, String creatureName, String weapon, String weaponName, boolean hit, int damage,
                  int creatureHp, int creatureMaxHp, boolean killed, Long respawnAt, List<String> loot,
                  Boolean creatureHit, Integer creatureDamage, int playerHp, int playerMaxHp, boolean died,
                  String respawnLocation, String respawnLocationName) implements Facts {
        public Kind kind() {
            return Kind.FOUGHT;
        }
    }

    /** GIVE an item to an NPC, for good. */
    record Given(String item, String itemName, String npc, String npcName) implements Facts {
        public Kind kind() {
            return Kind.GIVEN;
        }
    }

    /** HELP: the list of commands. */
    record HelpShown() implements Facts {
        public Kind kind() {
            return Kind.HELP_SHOWN;
        }
    }

    /**
     * QUESTS (the log) or QUEST &lt;name&gt; (one quest in detail: {@code detail} true, {@code quests} holds it).
     *
     * @param xp         the XP the player's completed quests earned
     * @param reputation the reputation they earned
     */
    record QuestsShown(List<QuestEntry> quests, boolean detail, int xp, int reputation) implements Facts {
        public Kind kind() {
            return Kind.QUESTS_SHOWN;
        }
    }

    /** An UNKNOWN action: nothing comes of it. Also what facts without a known kind read as. */
    record Nothing() implements Facts {
        public Kind kind() {
            return Kind.NOTHING;
        }
    }

    /**
     * OFFER: the player offers {@code item} to another player here ({@code player}, {@code playerName}), for
     * {@code wanted} from that player's pack, or as a gift when {@code wanted} is null. Nothing moves until they
     * accept; the offer lapses after {@code expiresInSeconds}.
     */
    record TradeOffered(String item, String itemName, String wanted, String wantedName, String player,
                        String playerName, long expiresInSeconds) implements Facts {
        public Kind kind() {
            return Kind.TRADE_OFFERED;
        }
    }

    /**
     * ACCEPT: the swap happened, seen from the one who accepted. They got {@code received} from {@code player}
     * and gave {@code given} in return ({@code given} null for a gift).
     */
    record TradeAccepted(String received, String receivedName, String given, String givenName, String player,
                         String playerName) implements Facts {
        public Kind kind() {
            return Kind.TRADE_ACCEPTED;
        }
    }

    /** DECLINE: the offer of {@code player} ({@code itemName}) is turned down; nothing moved. */
    record TradeDeclined(String player, String playerName, String item, String itemName) implements Facts {
        public Kind kind() {
            return Kind.TRADE_DECLINED;
        }
    }

    /** CANCEL: the player withdrew their offer of {@code itemName} to {@code player}; nothing moved. */
    record TradeCancelled(String player, String playerName, String item, String itemName) implements Facts {
        public Kind kind() {
            return Kind.TRADE_CANCELLED;
        }
    }

    /** INVITE: {@code playerName} is invited into the player's party (which is created for it if need be). */
    record PartyInvited(String player, String playerName) implements Facts {
        public Kind kind() {
            return Kind.PARTY_INVITED;
        }
    }

    /** JOIN: the player joined the party of {@code playerName} (who invited them); {@code members}: all, by name. */
    record PartyJoined(String player, String playerName, List<String> members) implements Facts {
        public Kind kind() {
            return Kind.PARTY_JOINED;
        }
    }

    /** LEAVE: the player left their party; {@code members}: who stays in it (empty: it is disbanded). */
    record PartyLeft(List<String> members) implements Facts {
        public Kind kind() {
            return Kind.PARTY_LEFT;
        }
    }

    /** PARTY: who is in the player's party and where; {@code maxSize}: how many a party may hold. */
    record PartyShown(List<PartyMember> members, int maxSize) implements Facts {
        public Kind kind() {
            return Kind.PARTY_SHOWN;
        }
    }

    /** One member in {@link PartyShown}: name, where they are (location id and name), whether they are online. */
    record PartyMember(String name, String location, String locationName, boolean online, boolean leader) {
    }

    /** PSAY: the words said to the party, as typed; {@code heard}: how many other members they went to. */
    record PartySaid(String said, int heard) implements Facts {
        public Kind kind() {
            return Kind.PARTY_SAID;
        }
    }

    /**
     * A refused action: nothing changed. {@link Refusal} says which of the other components it uses; the rest are
     * null.
     *
     * @param what  the words the player used for what is missing ("west", "sword", "brannoc")
     * @param item  the name of the item concerned
     * @param here  the names of those present, when asking whom
     */
    record Refused(Refusal reason, String what, String item, Way way, String npc, String npcName, String creature,
                   List<String> here) implements Facts {
        public Kind kind() {
            return Kind.REFUSED;
        }

        public static Refused because(Refusal reason) {
            return new Refused(reason, null, null, null, null, null, null, null);
        }

        public Refused what(String words) {
            return new Refused(reason, words, item, way, npc, npcName, creature, here);
        }

        public Refused item(String name) {
            return new Refused(reason, what, name, way, npc, npcName, creature, here);
        }

        public Refused way(Way exit) {
            return new Refused(reason, what, item, exit, npc, npcName, creature, here);
        }

        public Refused npc(String id, String name) {
            return new Refused(reason, what, item, way, id, name, creature, here);
        }

        public Refused creature(String name) {
            return new Refused(reason, what, item, way, npc, npcName, name, here);
        }

        public Refused here(List<String> names) {
            return new Refused(reason, what, item, way, npc, npcName, creature, List.copyOf(names));
        }
    }
}
