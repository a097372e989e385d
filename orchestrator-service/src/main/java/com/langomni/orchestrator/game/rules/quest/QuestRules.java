package com.langomni.orchestrator.game.rules.quest;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import com.langomni.api.outcome.Verb;
import com.langomni.api.quest.QuestEntry;
import com.langomni.api.quest.QuestRewardView;
import com.langomni.api.quest.QuestUpdate;
import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.NpcTalk;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The quest rules: what an action's outcome, already decided by the {@code RulesEngine}, does to the player's quests.
 * Pure and deterministic: the same outcome, log and companions give the same result. Runs after the rules engine,
 * inside the same transaction, so quest progress commits with the action or not at all.
 * <ul>
 * <li>Talking to (or telling something to) a quest's giver accepts the first quest of theirs (in pack order) the
 * player does not hold and whose prerequisites they completed; the NPC's reply is told so
 * ({@link QuestTurn#npcNotes()}).</li>
 * <li>Each active quest's current step is checked against the outcome ({@link TriggerKind}); a state trigger (REACH,
 * TAKE) can complete several steps in a row, an event (GIVE, KILL, TALK) completes one step per action.</li>
 * <li>A step with {@code together > 1} completes only while that many players who reached it stand in the same
 * place; otherwise the player is told to wait for a companion (nothing changes).</li>
 * <li>The last step completes the quest: its reward items go into the pack, its HP heal, its XP and reputation
 * count from then on.</li>
 * <li>Companions who {@code share} progress (party members, once parties exist) advance with the actor when they
 * hold the quest at the same step; their rewards come back as {@link QuestTurn#grants()}.</li>
 * </ul>
 */
public final class QuestRules {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "my", "quest");

    private final World world;

    public QuestRules(World world) {
        this.world = Objects.requireNonNull(world, "world");
    }

    /** As {@link #apply(Intent, Outcome, QuestLog, List)} with nobody else around. */
    public QuestTurn apply(Intent intent, Outcome outcome, QuestLog log) {
        return apply(intent, outcome, log, List.of());
    }

    /**
     * @param intent     the action's intent (QUEST needs its target)
     * @param outcome    what the rules engine decided
     * @param log        the actor's quest log before the action
     * @param companions other players that bear on it: those standing where the actor ends up (for steps done
     *                   together) and those who share the actor's progress
     */
    public QuestTurn apply(Intent intent, Outcome outcome, QuestLog log, List<Companion> companions) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(log, "log");
        if (outcome.verb() == Verb.QUESTS || outcome.verb() == Verb.QUEST) {
            return new QuestTurn(show(outcome, log, intent == null ? null : intent.target()), log, List.of(),
                    Map.of(), List.of(), List.of());
        }
        if (!outcome.success()) {
            return new QuestTurn(outcome, log, List.of(), Map.of(), List.of(), List.of());
        }
        Progressing run = new Progressing(outcome, log, companions);
        for (QuestDef quest : world.quests().values()) {
            run.advance(quest);
        }
        String acceptedBy = talkedTo(outcome.facts());
        String accepted = acceptedBy == null ? null : run.accept(acceptedBy);
        return run.finish(accepted);
    }

    /** The quest log view of a player: held quests, active first (pack order), then done ones. */
    public List<QuestEntry> entries(QuestLog log) {
        List<QuestEntry> active = new ArrayList<>();
        List<QuestEntry> done = new ArrayList<>();
        for (QuestDef quest : world.quests().values()) {
            log.get(quest.id()).ifPresent(p -> (p.done() ? done : active).add(entry(quest, p)));
        }
        active.addAll(done);
        return active;
    }

    public int xp(QuestLog log) {
        return completedRewards(log).stream().mapToInt(QuestReward::xp).sum();
    }

    public int reputation(QuestLog log) {
        return completedRewards(log).stream().mapToInt(QuestReward::reputation).sum();
    }

    private List<QuestReward> completedRewards(QuestLog log) {
        return world.quests().values().stream().filter(q -> log.completed(q.id())).map(QuestDef::reward).toList();
    }

    /**
     * What an NPC is told of the player's quests with them: those they gave, those whose current step is about them,
     * and those of theirs the player is not ready for yet (game-words words them).
     */
    public List<NpcQuestNote> npcNotes(String npcId, QuestLog log, String justAccepted) {
        List<NpcQuestNote> notes = new ArrayList<>();
        for (QuestDef quest : world.quests().values()) {
            boolean giver = quest.giver().equals(npcId);
            var progress = log.get(quest.id());
            if (quest.id().equals(justAccepted)) {
                notes.add(new NpcQuestNote(NpcQuestNote.Kind.ACCEPTED, entry(quest, progress.orElseThrow()), true,
                        List.of()));
            } else if (progress.isPresent()) {
                if (giver || (!progress.get().done() && about(quest.steps().get(progress.get().step()), npcId))) {
                    notes.add(new NpcQuestNote(NpcQuestNote.Kind.HOLDS, entry(quest, progress.get()), giver,
                            List.of()));
                }
            } else if (giver && !prerequisitesMet(quest, log)) {
                List<String> missing = quest.prerequisites().stream().filter(p -> !log.completed(p))
                        .map(p -> world.quests().get(p).name()).toList();
                notes.add(new NpcQuestNote(NpcQuestNote.Kind.NOT_READY, entry(quest, QuestProgress.accepted(quest.id())),
                        true, missing));
            }
        }
        return notes;
    }

    private static boolean about(QuestStep step, String npcId) {
        QuestTrigger t = step.trigger();
        return (t.kind() == TriggerKind.TALK && t.target().equals(npcId))
                || (t.kind() == TriggerKind.GIVE && npcId.equals(t.npc()));
    }

    private boolean prerequisitesMet(QuestDef quest, QuestLog log) {
        return quest.prerequisites().stream().allMatch(log::completed);
    }

    private Outcome show(Outcome outcome, QuestLog log, String target) {
        Facts facts;
        boolean success = true;
        if (outcome.verb() == Verb.QUEST && target != null && !target.isBlank()) {
            QuestEntry found = find(log, target);
            if (found == null) {
                facts = Facts.Refused.because(Refusal.NO_SUCH_QUEST).what(target);
                success = false;
            } else {
                facts = new Facts.QuestsShown(List.of(found), true, xp(log), reputation(log));
            }
        } else {
            facts = new Facts.QuestsShown(entries(log), false, xp(log), reputation(log));
        }
        return new Outcome(outcome.verb(), success, outcome.player(), outcome.location(), false, List.of(), facts,
                null);
    }

    /** The held quest a player means by {@code words}: its id, or words of its name. */
    private QuestEntry find(QuestLog log, String words) {
        String wanted = normalize(words);
        if (wanted.isEmpty()) {
            return null;
        }
        for (QuestEntry entry : entries(log)) {
            String name = normalize(entry.name());
            if (entry.id().equals(words.strip().toLowerCase(Locale.ROOT)) || name.equals(wanted)
                    || (" " + name + " ").contains(" " + wanted + " ")) {
                return entry;
            }
        }
        return null;
    }

    private static String normalize(String text) {
        List<String> words = new ArrayList<>();
        for (String w : NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty() && !ARTICLES.contains(w)) {
                words.add(w);
            }
        }
        return String.join(" ", words);
    }

    QuestEntry entry(QuestDef quest, QuestProgress progress) {
        int steps = quest.steps().size();
        List<String> done = quest.steps().subList(0, Math.min(progress.step(), steps)).stream()
                .map(QuestStep::text).toList();
        QuestStep current = progress.done() ? null : quest.steps().get(progress.step());
        String giverName = world.npc(quest.giver()).map(n -> n.name()).orElse(quest.giver());
        return new QuestEntry(quest.id(), quest.name(), quest.giver(), giverName, quest.summary(),
                progress.done() ? QuestEntry.DONE : QuestEntry.ACTIVE,
                progress.done() ? steps : progress.step() + 1, steps, current == null ? null : current.text(), done,
                rewardView(quest.reward()), current == null ? 1 : current.together());
    }

    /** The reward as players see it: item names, not ids. */
    QuestRewardView rewardView(QuestReward reward) {
        return new QuestRewardView(reward.items().stream().map(i -> world.item(i).map(d -> d.name()).orElse(i))
                .toList(), reward.hp(), reward.xp(), reward.reputation());
    }

    /** The NPC a successful TALK or TELL addressed, else null. */
    private static String talkedTo(Facts facts) {
        if (facts instanceof Facts.Talked talked) {
            return talked.npc();
        }
        if (facts instanceof Facts.Told told) {
            return told.npc();
        }
        return null;
    }

    /** Whether the outcome meets a trigger, given the player after the action. */
    static boolean meets(QuestTrigger trigger, PlayerState player, Facts facts) {
        return switch (trigger.kind()) {
            case REACH -> trigger.target().equals(player.locationId());
            case TAKE -> player.inventory().contains(trigger.target());
            case GIVE -> facts instanceof Facts.Given given && trigger.target().equals(given.item())
                    && trigger.npc().equals(given.npc());
            case KILL -> facts instanceof Facts.Fought fought && fought.killed()
                    && trigger.target().equals(fought.creature());
            case TALK -> trigger.target().equals(talkedTo(facts));
        };
    }

    private static boolean isEvent(TriggerKind kind) {
        return kind == TriggerKind.GIVE || kind == TriggerKind.KILL || kind == TriggerKind.TALK;
    }

    /** One action's pass over the actor's quests. */
    private final class Progressing {

        private final Outcome outcome;
        private final List<Companion> companions;
        private final Map<String, QuestLog> companionLogs = new HashMap<>();
        private final Map<String, QuestReward> grants = new HashMap<>();
        private final List<QuestTurn.Change> changes = new ArrayList<>();
        private final List<QuestUpdate> updates = new ArrayList<>();
        private PlayerState player;
        private QuestLog log;

        Progressing(Outcome outcome, QuestLog log, List<Companion> companions) {
            this.outcome = outcome;
            this.log = log;
            this.companions = companions == null ? List.of() : companions;
            this.player = outcome.player();
            for (Companion c : this.companions) {
                companionLogs.put(c.playerId(), c.log());
            }
        }

        void advance(QuestDef quest) {
            QuestProgress progress = log.get(quest.id()).orElse(null);
            if (progress == null || progress.done()) {
                return;
            }
            int index = progress.step();
            boolean eventUsed = false;
            while (index < quest.steps().size()) {
                QuestStep step = quest.steps().get(index);
                boolean event = isEvent(step.trigger().kind());
                if ((event && eventUsed) || !meets(step.trigger(), player, outcome.facts())) {
                    break;
                }
                if (step.together() > 1 && presentHolders(quest, index) < step.together() - 1) {
                    updates.add(new QuestUpdate(QuestUpdate.WAITING, quest.id(), quest.name(), giverName(quest),
                            index + 1, step.text(), null, null, step.together()));
                    break;
                }
                eventUsed |= event;
                shareStep(quest, index);
                index++;
                if (index == quest.steps().size()) {
                    player = grant(player, quest.reward());
                    updates.add(new QuestUpdate(QuestUpdate.COMPLETED, quest.id(), quest.name(), giverName(quest),
                            index, step.text(), null, rewardView(quest.reward()), 1));
                } else {
                    updates.add(new QuestUpdate(QuestUpdate.STEP_DONE, quest.id(), quest.name(), giverName(quest),
                            index, step.text(), quest.steps().get(index).text(), null, 1));
                }
            }
            if (index != progress.step()) {
                QuestProgress next = new QuestProgress(quest.id(), index, index == quest.steps().size());
                log = log.with(next);
                changes.add(new QuestTurn.Change(player.id(), next));
            }
        }

        /** Companions standing where the actor is who reached step {@code index} of the quest. */
        private long presentHolders(QuestDef quest, int index) {
            return companions.stream()
                    .filter(c -> !c.playerId().equals(player.id()) && player.locationId().equals(c.locationId()))
                    .filter(c -> c.log().get(quest.id()).map(p -> p.reached(index)).orElse(false))
                    .map(Companion::playerId).distinct().count();
        }

        /** Companions who share progress and stand at the same step advance with the actor. */
        private void shareStep(QuestDef quest, int index) {
            for (Companion c : companions) {
                if (!c.shares() || c.playerId().equals(player.id())) {
                    continue;
                }
                QuestLog theirs = companionLogs.get(c.playerId());
                QuestProgress p = theirs.get(quest.id()).orElse(null);
                if (p == null || p.done() || p.step() != index) {
                    continue;
                }
                boolean done = index + 1 == quest.steps().size();
                QuestProgress next = new QuestProgress(quest.id(), index + 1, done);
                companionLogs.put(c.playerId(), theirs.with(next));
                changes.add(new QuestTurn.Change(c.playerId(), next));
                if (done) {
                    grants.put(c.playerId(), quest.reward());
                }
            }
        }

        /** Accepts the first quest of {@code npcId}'s the player may take; its id, or null. */
        String accept(String npcId) {
            for (QuestDef quest : world.quests().values()) {
                if (quest.giver().equals(npcId) && !log.holds(quest.id()) && prerequisitesMet(quest, log)) {
                    QuestProgress taken = QuestProgress.accepted(quest.id());
                    log = log.with(taken);
                    changes.add(new QuestTurn.Change(player.id(), taken));
                    updates.add(new QuestUpdate(QuestUpdate.ACCEPTED, quest.id(), quest.name(), giverName(quest),
                            1, null, quest.steps().get(0).text(), null, quest.steps().get(0).together()));
                    return quest.id();
                }
            }
            return null;
        }

        QuestTurn finish(String accepted) {
            NpcTalk talk = outcome.npcTalk();
            List<NpcQuestNote> notes = talk == null ? List.of() : npcNotes(talk.npcId(), log, accepted);
            boolean changed = outcome.changed() || !player.equals(outcome.player());
            Outcome next = new Outcome(outcome.verb(), outcome.success(), player, outcome.location(), changed,
                    outcome.events(), outcome.facts(), talk);
            return new QuestTurn(next, log, changes, grants, updates, notes);
        }

        private String giverName(QuestDef quest) {
            return world.npc(quest.giver()).map(n -> n.name()).orElse(quest.giver());
        }
    }

    /** A reward into a player: items into the pack, HP healed up to the maximum. */
    static PlayerState grant(PlayerState player, QuestReward reward) {
        PlayerState after = player;
        if (!reward.items().isEmpty()) {
            List<String> inventory = new ArrayList<>(after.inventory());
            inventory.addAll(reward.items());
            after = after.withInventory(inventory);
        }
        if (reward.hp() > 0) {
            after = after.withHp(after.hp() + reward.hp());
        }
        return after;
    }
}
