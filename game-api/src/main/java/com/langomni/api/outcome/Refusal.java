package com.langomni.api.outcome;

/**
 * Why the rules refused an action. Each reason names what it uses of {@link Facts.Refused} ({@code what}: the words
 * the player used; {@code item}, {@code creature}: names; {@code way}; {@code npc}/{@code npcName}; {@code here}: who
 * is present); the sentence for each is written in game-words ({@code OutcomeText}).
 */
public enum Refusal {
    // go
    /** No direction given. */
    GO_WHERE,
    /** {@code what}: a direction (canonical) with no exit. */
    NO_EXIT,
    /** {@code what}: a place or way named that is not here. */
    NO_WAY,
    /** {@code way}: locked, and the player has no key. */
    LOCKED,
    // examine
    EXAMINE_WHAT,
    /** {@code what}: nothing here by that name. */
    NOT_SEEN,
    // take, drop
    TAKE_WHAT,
    ALREADY_HAVE,
    /** A person or a creature. */
    CANNOT_TAKE_THAT,
    /** {@code what}: no such item on the ground. */
    NOT_HERE,
    /** {@code item}: fixed in place. */
    NOT_TAKEABLE,
    PACK_FULL,
    DROP_WHAT,
    /** The player does not carry what they named (drop, use, give, attack with). */
    NOT_CARRIED,
    /** {@code item}: the ground here holds all it can. */
    GROUND_FULL,
    // use
    USE_WHAT,
    /** {@code item}: on the ground, must be taken first. */
    PICK_UP_FIRST,
    /** {@code item}: a consumable used at full health. */
    FULL_HEALTH,
    /** {@code what}: no such exit to unlock. */
    NOTHING_TO_UNLOCK,
    /** {@code item} (the key), {@code way}. */
    KEY_DOES_NOT_FIT,
    /** {@code item} (the key): it opens nothing here. */
    KEY_FITS_NOTHING,
    /** {@code way}. */
    ALREADY_UNLOCKED,
    /** {@code way}. */
    NOT_LOCKED,
    /** {@code way}: locked, and the player lacks its key. */
    NO_KEY,
    // attack
    /** {@code item}. */
    NOT_A_WEAPON,
    NOTHING_TO_FIGHT,
    /** Several creatures here and none named. */
    ATTACK_WHAT,
    /** {@code npc}, {@code npcName}: NPCs are never fought (they remember the attempt). */
    NOT_AN_ENEMY,
    /** {@code what}: no such creature here. */
    NO_SUCH_FOE,
    // say, talk, tell
    SAY_WHAT,
    /** {@code npcName}: told nothing. */
    TELL_WHAT,
    NO_ONE_TO_TALK_TO,
    /** {@code here}: several NPCs and none named. */
    TALK_TO_WHOM,
    /** {@code npc}, {@code npcName}: an NPC who is elsewhere; {@code here}: the name of where they are now, if known. */
    NOT_PRESENT,
    /** {@code creature}. */
    WILL_NOT_TALK,
    /** {@code what}: no one by that name. */
    NO_ONE_CALLED,
    /**
     * {@code npc}, {@code npcName}: the player has started as many conversations as their budget allows for now
     * (each costs LLM calls); nothing is said, remembered or changed.
     */
    TALKED_OUT,
    // give
    GIVE_WHAT,
    /** {@code what}: the recipient named. */
    GIVE_WHAT_TO,
    NO_ONE_TO_GIVE_TO,
    /** {@code here}: several NPCs and none named. */
    GIVE_TO_WHOM,
    /** {@code npc}, {@code npcName}, {@code item}: keys stay with players. */
    KEEPS_KEY,
    /** {@code creature}. */
    WANTS_NO_GIFT,
    // moderation
    /** The player's words were flagged by the world's moderation and withheld: nobody heard them, nothing changed. */
    WITHHELD,
    // world
    /** An admin paused the world: actions that would change it wait until it runs again. */
    WORLD_PAUSED,
    /** {@code way}; {@code here}: the name of the world event that closes it (a storm, ...). */
    EXIT_BLOCKED,
    // quest
    /** {@code quest <name>} names no quest the player holds ({@code what}: the words used). */
    NO_SUCH_QUEST,
    // trading between players (offer, accept, decline, cancel)
    /** Offer nothing named. */
    OFFER_WHAT,
    /** {@code item}: an item offered, but to no one. */
    OFFER_TO_WHOM,
    /** Trading or partying with oneself. */
    NOT_WITH_YOURSELF,
    /** {@code what}: no player by that name. */
    NO_SUCH_PLAYER,
    /** {@code what}: the player's name; they are somewhere else. */
    PLAYER_NOT_HERE,
    /** {@code what}: the player's name, {@code item}: what was asked for that they do not carry. */
    THEY_LACK,
    /** {@code what}: a player's name when one was named; no offer from them (or none at all) is waiting. */
    NO_OFFER,
    /** No offer of the player's own is waiting to be cancelled. */
    NO_OWN_OFFER,
    /** {@code what}: the offerer's name, {@code item}: what they offered and no longer carry; the offer is void. */
    OFFER_VOID,
    /** {@code item}: what the other asks for in return, which the player does not carry. */
    LACK_WANTED,
    /** {@code what}: the name of the player whose pack is full. */
    PACK_FULL_TRADE,
    // parties (invite, join, leave, party, psay)
    /** Invite nobody named. */
    INVITE_WHOM,
    /** {@code what}: the invitee's name: they are in a party already. */
    ALREADY_IN_A_PARTY,
    /** The player is in a party already (joining another means leaving first). */
    IN_A_PARTY,
    /** The player is in no party. */
    NOT_IN_A_PARTY,
    /** {@code what}: the name of a player already in the player's party. */
    ALREADY_MEMBER,
    /** {@code here}: the party's members; it has as many as it may. */
    PARTY_FULL,
    /** {@code what}: a name when one was named; no invitation is waiting. */
    NO_INVITATION,
    /** Party chat with nothing said. */
    PSAY_WHAT
}
