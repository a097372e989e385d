package com.langomni.memory.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores a memory's importance 1..10 when its writer gives none. Generative Agents asks an LLM ("on a
 * scale of 1 to 10, where 1 is purely mundane and 10 is extremely poignant"); without one we use keywords:
 * <ul>
 *   <li>the strongest keyword sets the level: life-changing (death, murder, betrayal, marriage...) 9,
 *       serious (attack, theft, wound, rescue, curse...) 7, notable (gift, quest, promise, secret, debt...) 5,
 *       minor social (trade, help, thanks, insult...) 3;</li>
 *   <li>text with no keyword is mundane: 2, or 1 when shorter than 20 characters;</li>
 *   <li>each further distinct keyword adds 1 (at most 2), and a long account (160+ characters) adds 1;</li>
 *   <li>the result is clamped to 1..10.</li>
 * </ul>
 */
public final class ImportanceHeuristic {

    static final int LONG_TEXT = 160;
    static final int SHORT_TEXT = 20;

    private static final Map<String, Integer> KEYWORDS = new HashMap<>();

    static {
        level(9, "death", "die", "died", "dies", "dying", "dead", "kill", "killed", "kills", "murder", "murdered",
                "slain", "slew", "betray", "betrayal", "betrayed", "betrays", "traitor", "married", "marriage", "wedding",
                "born", "executed");
        level(7, "attack", "attacked", "attacks", "ambush", "ambushed", "stole", "stolen", "steal", "theft", "thief",
                "robbed", "wounded", "injured", "threat", "threatened", "threatens", "curse", "cursed", "saved",
                "rescued", "rescue", "war", "fled", "burned", "poisoned", "revenge", "hostage", "banished");
        level(5, "gift", "gifts", "gave", "given", "quest", "quests", "promise", "promised", "secret", "secrets",
                "treasure", "reward", "rewarded", "debt", "owe", "owes", "fight", "fought", "lied", "oath", "sworn",
                "artifact", "heir", "prophecy", "defeated");
        level(3, "trade", "traded", "bought", "sold", "paid", "help", "helped", "thanked", "thanks", "friend",
                "friends", "insult", "insulted", "asked", "rumor", "rumour", "warned", "hired", "borrowed");
    }

    private static void level(int level, String... words) {
        for (String w : words) {
            KEYWORDS.put(w, level);
        }
    }

    public int score(String text) {
        String trimmed = text == null ? "" : text.strip();
        Set<String> hits = new HashSet<>();
        int strongest = 0;
        for (String word : trimmed.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            Integer level = KEYWORDS.get(word);
            if (level != null && hits.add(word)) {
                strongest = Math.max(strongest, level);
            }
        }
        int base = strongest > 0 ? strongest : (trimmed.length() < SHORT_TEXT ? 1 : 2);
        int extra = Math.min(2, Math.max(0, hits.size() - 1));
        int length = trimmed.length() >= LONG_TEXT ? 1 : 0;
        return Math.max(1, Math.min(10, base + extra + length));
    }
}
