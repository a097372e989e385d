package com.langomni.words;

import com.langomni.api.game.CreatureView;
import com.langomni.api.game.ExitView;
import com.langomni.api.game.ItemView;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.NpcView;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Facts.Fought;
import com.langomni.api.outcome.Facts.Looked;
import com.langomni.api.outcome.Facts.Moved;
import com.langomni.api.outcome.Facts.Refused;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plain second-person sentence of an outcome, the rules' own words: what a player reads when the rules
 * narrate (the narration policy, an LLM budget spent, world-llm unreachable), what the event log keeps, and the
 * {@code outcome} a narrator must not contradict. One sentence per kind of facts and per refusal.
 */
public final class OutcomeText {

    /** Shows a part a player wrote ({@link PlayerWords}): as written, or as a reference for a prompt. */
    private interface Shown {
        String show(String name, String words);
    }

    private final Shown shown;

    private OutcomeText(Shown shown) {
        this.shown = shown;
    }

    /** The sentence the player reads. */
    public static String of(Facts facts) {
        return new OutcomeText((name, words) -> words).say(facts);
    }

    /**
     * The same sentence with each part a player wrote replaced by its {@link PlayerWords} name in braces ("You say,
     * "{said}"", "There is no one called {what} here."): what a prompt states as the fixed outcome, while the
     * words themselves go in a fenced block.
     */
    public static String withheld(Facts facts) {
        return new OutcomeText((name, words) -> "{" + name + "}").say(facts);
    }

    private String say(Facts facts) {
        return switch (facts.kind()) {
            case LOOKED -> look(((Looked) facts).place());
            case MOVED -> moved((Moved) facts);
            case ITEM_EXAMINED -> {
                var f = (Facts.ItemExamined) facts;
                String detail = f.itemDamage() != null ? " (weapon, +" + f.itemDamage() + " damage)"
                        : f.itemHeal() != null ? " (restores " + f.itemHeal() + " HP when used)" : "";
                yield f.description() + detail;
            }
            case NPC_EXAMINED -> {
                var f = (Facts.NpcExamined) facts;
                yield npcLabel(f.npcName(), f.npcTitle()) + ". " + (f.appearance() == null ? "" : f.appearance());
            }
            case CREATURE_EXAMINED -> {
                var f = (Facts.CreatureExamined) facts;
                yield f.description() + " It has " + f.creatureHp() + " of " + f.creatureMaxHp() + " HP"
                        + (f.hostile() ? " and looks ready to fight." : ".");
            }
            case EXIT_EXAMINED -> {
                var f = (Facts.ExitExamined) facts;
                yield "The way " + Ways.name(f.way()) + " leads to " + f.toName() + "."
                        + (f.locked() ? " It is locked." : "");
            }
            case SELF_EXAMINED -> {
                var f = (Facts.SelfExamined) facts;
                yield "You are " + shown.show(PlayerWords.PLAYER_NAME, f.playerName()) + ", with " + f.playerHp()
                        + " of " + f.playerMaxHp() + " HP. "
                        + (f.items().isEmpty() ? "You carry nothing." : "You carry: " + names(f.items()) + ".");
            }
            case TAKEN -> "You take the " + ((Facts.Taken) facts).itemName() + ".";
            case DROPPED -> "You drop the " + ((Facts.Dropped) facts).itemName() + ".";
            case INVENTORY_SHOWN -> {
                var f = (Facts.InventoryShown) facts;
                String health = " You have " + f.playerHp() + " of " + f.playerMaxHp() + " HP.";
                yield f.items().isEmpty() ? "You are carrying nothing." + health
                        : "You are carrying: " + names(f.items()) + "." + health;
            }
            case HEALED -> {
                var f = (Facts.Healed) facts;
                yield "You use the " + f.itemName() + " and recover " + f.healed() + " HP (" + f.playerHp() + " of "
                        + f.playerMaxHp() + ").";
            }
            case UNLOCKED -> {
                var f = (Facts.Unlocked) facts;
                yield "You unlock the way " + ways(f) + " with the " + f.itemName() + ".";
            }
            case NO_EFFECT -> {
                var f = (Facts.NoEffect) facts;
                yield (f.carried() ? "You use the " : "You try the ") + f.itemName() + ". Nothing happens.";
            }
            case SAID -> "You say, \"" + shown.show(PlayerWords.SAID, ((Facts.Said) facts).said()) + "\"";
            case TALKED -> {
                var f = (Facts.Talked) facts;
                yield f.topic() == null ? "You speak to " + f.npcName() + "."
                        : "You ask " + f.npcName() + " about " + shown.show(PlayerWords.TOPIC, f.topic()) + ".";
            }
            case TOLD -> {
                var f = (Facts.Told) facts;
                yield "You tell " + f.npcName() + ", \"" + shown.show(PlayerWords.SAID, f.said()) + "\"";
            }
            case FOUGHT -> fought((Fought) facts);
            case GIVEN -> {
                var f = (Facts.Given) facts;
                yield "You give the " + f.itemName() + " to " + f.npcName() + ".";
            }
            case HELP_SHOWN -> HelpText.TEXT;
            case QUESTS_SHOWN -> QuestText.shown((Facts.QuestsShown) facts);
            case NOTHING -> "Nothing comes of that. (Type \"help\" to see what you can do.)";
            case REFUSED -> refused((Refused) facts);
            case TRADE_OFFERED -> {
                var f = (Facts.TradeOffered) facts;
                yield "You offer the " + f.itemName() + " to " + f.playerName()
                        + (f.wanted() == null ? " as a gift" : " for their " + f.wantedName())
                        + ". They can accept or decline.";
            }
            case TRADE_ACCEPTED -> {
                var f = (Facts.TradeAccepted) facts;
                yield f.given() == null ? "You accept " + f.playerName() + "'s gift: the " + f.receivedName() + " is yours."
                        : "You trade with " + f.playerName() + ": you give the " + f.givenName() + " and get the "
                                + f.receivedName() + ".";
            }
            case TRADE_DECLINED -> {
                var f = (Facts.TradeDeclined) facts;
                yield "You decline " + f.playerName() + "'s offer of the " + f.itemName() + ".";
            }
            case TRADE_CANCELLED -> {
                var f = (Facts.TradeCancelled) facts;
                yield "You withdraw your offer of the " + f.itemName() + " to " + f.playerName() + ".";
            }
            case PARTY_INVITED -> "You invite " + ((Facts.PartyInvited) facts).playerName()
                    + " to your party. They can type \"join\" to come along.";
            case PARTY_JOINED -> {
                var f = (Facts.PartyJoined) facts;
                yield "You join " + f.playerName() + "'s party. Members: " + names(f.members()) + ".";
            }
            case PARTY_LEFT -> ((Facts.PartyLeft) facts).members().size() <= 1
                    ? "You leave your party, and it is no more."
                    : "You leave your party.";
            case PARTY_SHOWN -> party((Facts.PartyShown) facts);
            case PARTY_SAID -> {
                var f = (Facts.PartySaid) facts;
                yield "You tell your party, \"" + shown.show(PlayerWords.SAID, f.said()) + "\""
                        + (f.heard() == 0 ? " No one else is in it to hear." : "");
            }
        };
    }

    /** The party's members, one a line: name, where they are, leader and offline marks. */
    private static String party(Facts.PartyShown f) {
        List<String> lines = new ArrayList<>();
        lines.add("Your party (" + f.members().size() + " of " + f.maxSize() + "):");
        for (Facts.PartyMember m : f.members()) {
            lines.add("  " + m.name() + (m.leader() ? " (leader)" : "") + " - " + m.locationName()
                    + (m.online() ? "" : " (away)"));
        }
        return String.join("\n", lines);
    }

    /** "Brannoc, the smith", or the name alone without a title. */
    public static String npcLabel(String name, String title) {
        return title == null || title.isBlank() ? name : name + ", " + title;
    }

    /** The ways a key opened: "through the door and the way north". */
    static String ways(Facts.Unlocked unlocked) {
        return unlocked.ways().stream().map(Ways::name).collect(Collectors.joining(" and the way "));
    }

    private static String look(LocationView place) {
        List<String> lines = new ArrayList<>();
        lines.add(place.name());
        lines.add(place.description());
        if (place.now() != null) {
            lines.add(WorldLines.now(place.now()));
        }
        lines.add("Exits: " + place.exits().stream()
                .map((ExitView e) -> e.direction() + " (" + e.name() + (e.locked() ? ", locked" : "") + ")")
                .collect(Collectors.joining(", ")) + ".");
        if (!place.items().isEmpty()) {
            lines.add("You see: " + names(place.items().stream().map(ItemView::name).toList()) + ".");
        }
        if (!place.npcs().isEmpty()) {
            lines.add("Here: " + names(place.npcs().stream().map((NpcView n) -> npcLabel(n.name(), n.title())).toList())
                    + ".");
        }
        if (!place.creatures().isEmpty()) {
            lines.add("Beware: " + names(place.creatures().stream()
                    .map((CreatureView c) -> c.name() + " (" + c.hp() + "/" + c.maxHp() + " HP)").toList()) + ".");
        }
        return String.join("\n", lines);
    }

    private static String moved(Moved f) {
        String keyName = f.keyName() == null ? "key" : f.keyName(); // a key the pack no longer defines
        String key = f.unlocked() ? "You unlock the way " + Ways.name(f.way()) + " with the " + keyName + ". " : "";
        return key + "You go " + Ways.name(f.way()) + " to " + f.toName() + ".";
    }

    /** The player's blow, the creature's loot or answer, and a death, in that order. */
    private static String fought(Fought f) {
        String creature = f.creatureName();
        String with = f.weaponName() != null ? " with the " + f.weaponName() : " with your bare hands";
        StringBuilder told = new StringBuilder();
        if (!f.hit()) {
            told.append("You swing at the ").append(creature).append(with).append(" and miss.");
        } else if (f.killed()) {
            told.append("You strike the ").append(creature).append(with).append(" for ").append(f.damage())
                    .append(" damage. The ").append(creature).append(" falls dead.");
        } else {
            told.append("You hit the ").append(creature).append(with).append(" for ").append(f.damage())
                    .append(" damage (").append(f.creatureHp()).append(" of ").append(f.creatureMaxHp())
                    .append(" HP left).");
        }
        if (f.loot() != null && !f.loot().isEmpty()) {
            told.append(" It leaves behind: ").append(names(f.loot())).append('.');
        }
        if (f.creatureHit() != null) {
            String the = Text.capitalize("the " + creature);
            if (f.creatureHit()) {
                int left = f.died() ? 0 : f.playerHp(); // the blow that kills leaves nothing; the wake-up heals
                told.append(' ').append(the).append(" strikes you for ").append(f.creatureDamage())
                        .append(" damage (").append(left).append(" of ").append(f.playerMaxHp()).append(" HP left).");
            } else {
                told.append(' ').append(the).append(" lunges at you and misses.");
            }
        }
        if (f.died()) {
            told.append(" Darkness takes you... You wake at ").append(f.respawnLocationName()).append(", whole again.");
        }
        return told.toString();
    }

    private String refused(Refused r) {
        String what = shown.show(PlayerWords.WHAT, r.what());
        return switch (r.reason()) {
            case GO_WHERE -> "Go where? Name a direction or a way out.";
            case NO_EXIT -> "There is no exit " + what + ".";
            case NO_WAY -> "There is no way to " + what + " from here.";
            case LOCKED -> "The way " + Ways.name(r.way()) + " is locked. You need the right key.";
            case EXAMINE_WHAT -> "Examine what?";
            case NOT_SEEN -> "You see no " + what + " here.";
            case TAKE_WHAT -> "Take what?";
            case ALREADY_HAVE -> "You already have that.";
            case CANNOT_TAKE_THAT -> "You can't take that.";
            case NOT_HERE -> "You don't see " + what + " here.";
            case NOT_TAKEABLE -> "You can't take the " + r.item() + ".";
            case PACK_FULL -> "You can't carry any more.";
            case DROP_WHAT -> "Drop what?";
            case NOT_CARRIED -> "You don't have that.";
            case GROUND_FULL -> "There is no room to drop anything more here.";
            case USE_WHAT -> "Use what?";
            case PICK_UP_FIRST -> "You need to pick up the " + r.item() + " first.";
            case FULL_HEALTH -> "You are already at full health; you keep the " + r.item() + ".";
            case NOTHING_TO_UNLOCK -> "There is no " + what + " here to unlock.";
            case KEY_DOES_NOT_FIT -> "The " + r.item() + " doesn't fit the way " + Ways.name(r.way()) + ".";
            case KEY_FITS_NOTHING -> "There is nothing here that the " + r.item() + " unlocks.";
            case ALREADY_UNLOCKED -> "The way " + Ways.name(r.way()) + " is already unlocked.";
            case NOT_LOCKED -> "The way " + Ways.name(r.way()) + " is not locked.";
            case NO_KEY -> "You don't have the key for the way " + Ways.name(r.way()) + ".";
            case NOT_A_WEAPON -> "The " + r.item() + " is no weapon.";
            case NOTHING_TO_FIGHT -> "There is nothing here to fight.";
            case ATTACK_WHAT -> "Attack what? Name the creature you want to fight.";
            case NOT_AN_ENEMY -> r.npcName() + " is no enemy of yours, and you will not raise a hand against them.";
            case NO_SUCH_FOE -> "You see no " + what + " to fight here.";
            case SAY_WHAT -> "Say what?";
            case TELL_WHAT -> "Tell " + r.npcName() + " what?";
            case NO_ONE_TO_TALK_TO -> "There is no one here to talk to.";
            case TALK_TO_WHOM -> "Talk to whom? Here are: " + String.join(", ", r.here()) + ".";
            case NOT_PRESENT -> r.here() == null || r.here().isEmpty() ? r.npcName() + " is not here."
                    : r.npcName() + " is not here; at this hour " + r.npcName() + " is at " + r.here().get(0) + ".";
            case WILL_NOT_TALK -> "The " + r.creature() + " has nothing to say to you.";
            case NO_ONE_CALLED -> "There is no one called " + what + " here.";
            case TALKED_OUT -> r.npcName() + " has heard a great deal from you lately and waves you off for now. "
                    + "Give it a minute before you talk again.";
            case GIVE_WHAT -> "Give what?";
            case GIVE_WHAT_TO -> "Give what to " + what + "?";
            case NO_ONE_TO_GIVE_TO -> "There is no one here to give it to.";
            case GIVE_TO_WHOM -> "Give it to whom? Here are: " + String.join(", ", r.here()) + ".";
            case KEEPS_KEY -> r.npcName() + " will not take the " + r.item() + "; keep it, it opens a way.";
            case WANTS_NO_GIFT -> "The " + r.creature() + " has no use for gifts.";
            case WITHHELD -> "Those words are not allowed here, so nobody heard them. Nothing else happened.";
            case WORLD_PAUSED -> "The world holds its breath: an admin has paused it. You can look around and talk, "
                    + "but nothing can be done until it runs again.";
            case EXIT_BLOCKED -> "The way " + Ways.name(r.way()) + " is closed by the "
                    + (r.here() == null || r.here().isEmpty() ? "weather" : r.here().get(0).toLowerCase(java.util.Locale.ROOT))
                    + ". You will have to wait it out.";
            case NO_SUCH_QUEST -> "You have no quest called " + what + "; type \"quests\" for your quest log.";
            case OFFER_WHAT -> "Offer what? Say: offer <item> to <player> [for <item>].";
            case OFFER_TO_WHOM -> "Offer the " + r.item() + " to whom?";
            case NOT_WITH_YOURSELF -> "You can't do that with yourself.";
            case NO_SUCH_PLAYER -> "There is no player called " + what + ".";
            case PLAYER_NOT_HERE -> "You and " + what + " are not in the same place; trades are made face to face.";
            case THEY_LACK -> "There is no " + r.item() + " in the pack of " + what + ".";
            case NO_OFFER -> r.what() == null ? "No one has offered you anything."
                    : "There is no offer from " + what + " waiting for you.";
            case NO_OWN_OFFER -> "You have no offer waiting to be withdrawn.";
            case OFFER_VOID -> "The offer is void: " + what + " no longer has the " + r.item() + ".";
            case LACK_WANTED -> "You don't have the " + r.item() + " asked for in return.";
            case PACK_FULL_TRADE -> "There is no room left in the pack of " + what + ".";
            case INVITE_WHOM -> "Invite whom? Say: invite <player>.";
            case ALREADY_IN_A_PARTY -> "The player " + what + " is in a party already.";
            case IN_A_PARTY -> "You are in a party already; leave it first (leave party).";
            case NOT_IN_A_PARTY -> "You are not in a party. Invite someone with: invite <player>.";
            case ALREADY_MEMBER -> "The player " + what + " is in your party already.";
            case PARTY_FULL -> "The party is full" + (r.here() == null ? "" : " (" + String.join(", ", r.here()) + ")")
                    + ".";
            case NO_INVITATION -> r.what() == null ? "No one has invited you into a party."
                    : "There is no invitation from " + what + " waiting for you.";
            case PSAY_WHAT -> "Tell your party what?";
        };
    }

    private static String names(List<String> names) {
        return String.join(", ", names);
    }
}
