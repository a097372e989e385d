package com.langomni.words;

import com.langomni.api.outcome.Facts;
import com.langomni.api.quest.QuestEntry;
import com.langomni.api.quest.QuestRewardView;
import com.langomni.api.quest.QuestUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of quests: the log ({@code quests}), one quest in detail ({@code quest <name>}), the line an action's
 * quest progress adds to its answer, and the facts an NPC's reply is given about the player's quests with them.
 */
public final class QuestText {

    private QuestText() {
    }

    /** The log, or one quest in detail. */
    public static String shown(Facts.QuestsShown f) {
        if (f.detail() && !f.quests().isEmpty()) {
            return detail(f.quests().get(0));
        }
        List<String> lines = new ArrayList<>();
        if (f.quests().isEmpty()) {
            lines.add("Your quest log is empty. Talk to the people of the town: some of them need help.");
        } else {
            lines.add("Your quests:");
            for (QuestEntry q : f.quests()) {
                lines.add(q.done()
                        ? "  [done] " + q.name()
                        : "  " + q.name() + " (step " + q.step() + " of " + q.steps() + "): " + q.current());
            }
            lines.add("Type \"quest <name>\" for one in detail.");
        }
        lines.add("Experience: " + f.xp() + " XP. Reputation: " + f.reputation() + ".");
        return String.join("\n", lines);
    }

    /** One quest: who gave it, the steps done, the current step, the rewards. */
    public static String detail(QuestEntry q) {
        List<String> lines = new ArrayList<>();
        lines.add(q.name() + (q.done() ? " (done)" : " (step " + q.step() + " of " + q.steps() + ")")
                + ", given by " + q.giverName() + ".");
        if (q.summary() != null && !q.summary().isBlank()) {
            lines.add(q.summary());
        }
        for (String done : q.stepsDone()) {
            lines.add("  [x] " + done);
        }
        if (!q.done()) {
            lines.add("  [ ] " + q.current() + together(q.together()));
        }
        List<String> rewards = rewards(q.rewards());
        if (!rewards.isEmpty()) {
            lines.add("Reward: " + String.join(", ", rewards) + ".");
        }
        return String.join("\n", lines);
    }

    private static String together(int players) {
        return players > 1 ? " (needs " + players + " players on this quest, here together)" : "";
    }

    /** The line an action's quest progress adds to its answer. */
    public static String update(QuestUpdate u) {
        return switch (u.kind()) {
            case QuestUpdate.ACCEPTED -> "New quest: " + u.questName() + ", from " + u.giverName() + ". " + "First: "
                    + u.next() + " (Type \"quest " + u.questName() + "\" for details.)";
            case QuestUpdate.STEP_DONE -> "Quest " + u.questName() + ": step " + u.step() + " done (" + u.stepText()
                    + "). Next: " + u.next();
            case QuestUpdate.COMPLETED -> "Quest complete: " + u.questName() + "!"
                    + (rewards(u.rewards()).isEmpty() ? "" : " You receive: " + String.join(", ", rewards(u.rewards()))
                    + ".");
            case QuestUpdate.WAITING -> "Quest " + u.questName() + ": " + u.stepText() + " needs " + u.needed()
                    + " players on this quest here together; wait for a companion who is on this step too.";
            default -> "";
        };
    }

    /** The lines of several updates, one per line; empty when none. */
    public static String updates(List<QuestUpdate> updates) {
        return String.join("\n", updates.stream().map(QuestText::update).filter(s -> !s.isEmpty()).toList());
    }

    /**
     * A fact an NPC is given about the player's quest with them, in the NPC's second person: {@code giver} true
     * when the NPC gave it.
     */
    public static String forNpc(String playerName, QuestEntry q, boolean giver) {
        String whose = giver ? "your quest" : "the quest";
        String from = giver ? "" : " (given by " + q.giverName() + ")";
        if (q.done()) {
            return playerName + " has completed " + whose + " '" + q.name() + "'" + from + ".";
        }
        return playerName + " is on " + whose + " '" + q.name() + "'" + from + ", step " + q.step() + " of "
                + q.steps() + ": " + q.current();
    }

    /** A reward as players read it: "honey cake", "+5 HP", "+20 XP", "+1 reputation". */
    public static List<String> rewards(QuestRewardView reward) {
        List<String> words = new ArrayList<>();
        if (reward == null) {
            return words;
        }
        words.addAll(reward.items());
        if (reward.hp() > 0) {
            words.add("+" + reward.hp() + " HP");
        }
        if (reward.xp() > 0) {
            words.add("+" + reward.xp() + " XP");
        }
        if (reward.reputation() > 0) {
            words.add("+" + reward.reputation() + " reputation");
        }
        return words;
    }

    /** A fact an NPC is given when the player is not ready for one of their quests: the quests still to do. */
    public static String notReadyForNpc(String playerName, String questName, List<String> missingQuestNames) {
        return playerName + " is not ready for your quest '" + questName + "' until they complete "
                + String.join(" and ", missingQuestNames.stream().map(n -> "'" + n + "'").toList()) + ".";
    }

    /** A fact an NPC is given when the player has just accepted a quest from them. */
    public static String acceptedFromNpc(String playerName, String questName, String summary) {
        return playerName + " has just accepted your quest '" + questName + "'"
                + (summary == null || summary.isBlank() ? "." : ": " + summary);
    }
}
