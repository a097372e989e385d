package com.langomni.orchestrator.game.quest;

import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.NpcTalk;
import com.langomni.orchestrator.game.rules.quest.Companion;
import com.langomni.orchestrator.game.rules.quest.NpcQuestNote;
import com.langomni.orchestrator.game.rules.quest.QuestLog;
import com.langomni.orchestrator.game.rules.quest.QuestProgress;
import com.langomni.orchestrator.game.rules.quest.QuestRules;
import com.langomni.orchestrator.game.rules.quest.QuestTurn;
import com.langomni.words.QuestText;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.api.quest.QuestLogView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import com.langomni.orchestrator.party.Parties;

/**
 * The quest step of the action pipeline, inside the action's transaction: loads the player's quest log (and, when a
 * step done together may be reached, the other holders standing where the player ends up), applies
 * {@link QuestRules}, and writes the rows that changed. The player's rewards are in the returned outcome's player,
 * written with the action's player row.
 * <p>
 * Parties: the other members of the player's party ({@link #sharers(String)}) share the progress of the quests
 * they hold at the same step, wherever they are. A shared last step completes the quest for them too, so its XP and
 * reputation count in their logs; the items and HP of the reward go to the player who did the step (their pack and
 * HP are written with this action; the others' are not touched by it, so no second player's row is locked here).
 */
@ApplicationScoped
public class QuestProgression {

    private final QuestRules rules;
    private final QuestRepository repository;
    private final World world;

    private final Parties parties;

    QuestProgression(World world, QuestRepository repository, Parties parties) {
        this.parties = parties;
        this.world = world;
        this.rules = new QuestRules(world);
        this.repository = repository;
    }

    public QuestRules rules() {
        return rules;
    }

    /** What {@code decided} does to the acting player's quests (nothing is written yet). */
    public Uni<QuestTurn> apply(Intent intent, Outcome decided, Instant now) {
        if (world.quests().isEmpty()) {
            return Uni.createFrom().item(new QuestTurn(decided, QuestLog.EMPTY, List.of(), java.util.Map.of(),
                    List.of(), List.of()));
        }
        String playerId = decided.player().id();
        return repository.log(playerId).chain(log -> companions(decided, log)
                .map(companions -> toldToTheNpc(rules.apply(intent, decided, log, companions))));
    }

    /** The NPC the player addressed gets the notes on their quests with it, in words, as facts for its reply. */
    static QuestTurn toldToTheNpc(QuestTurn turn) {
        NpcTalk talk = turn.outcome().npcTalk();
        if (talk == null || turn.npcNotes().isEmpty()) {
            return turn;
        }
        String player = turn.outcome().player().name();
        List<String> facts = turn.npcNotes().stream().map(note -> switch (note.kind()) {
            case ACCEPTED -> QuestText.acceptedFromNpc(player, note.quest().name(), note.quest().summary());
            case HOLDS -> QuestText.forNpc(player, note.quest(), note.giver());
            case NOT_READY -> QuestText.notReadyForNpc(player, note.quest().name(), note.missing());
        }).toList();
        var o = turn.outcome();
        return new QuestTurn(new com.langomni.orchestrator.game.rules.Outcome(o.verb(), o.success(), o.player(),
                o.location(), o.changed(), o.events(), o.facts(), talk.withFacts(facts)), turn.log(), turn.changes(),
                turn.grants(), turn.updates(), turn.npcNotes());
    }

    /** Writes every quest row the turn changed. */
    public Uni<Void> save(QuestTurn turn, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (QuestTurn.Change change : turn.changes()) {
            chain = chain.call(() -> repository.save(change.playerId(), change.progress(), now));
        }
        return chain;
    }

    /** A player's quest log as they see it ({@code GET /api/game/quests}); opens its own session. */
    public Uni<QuestLogView> view(String playerId) {
        return Panache.withSession(() -> repository.log(playerId))
                .map(log -> new QuestLogView(rules.entries(log), rules.xp(log), rules.reputation(log)));
    }

    /** The other members of {@code playerId}'s party with their quest logs ({@link Companion#shares()} true). */
    protected Uni<List<Companion>> sharers(String playerId) {
        return parties.members(playerId).chain(members -> {
            List<String> others = members.stream().filter(id -> !id.equals(playerId)).toList();
            if (others.isEmpty()) {
                return Uni.createFrom().item(List.<Companion>of());
            }
            Uni<List<Companion>> all = Uni.createFrom().item(List.of());
            for (String other : others) { // one by one: the action's session runs one query at a time
                all = all.chain(found -> repository.log(other).map(log -> {
                    List<Companion> more = new ArrayList<>(found);
                    more.add(new Companion(other, null, log, true));
                    return more;
                }));
            }
            return all;
        });
    }

    /** Holders of the player's active quests where they end up, when a step done together may be reached. */
    private Uni<List<Companion>> companions(Outcome decided, QuestLog log) {
        if (!decided.success()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> together = new ArrayList<>();
        for (QuestProgress p : log.quests().values()) {
            if (!p.done() && world.quest(p.questId()).map(q -> q.steps().subList(Math.min(p.step(), q.steps().size()),
                    q.steps().size()).stream().anyMatch(s -> s.together() > 1)).orElse(false)) {
                together.add(p.questId());
            }
        }
        String playerId = decided.player().id();
        Uni<List<Companion>> nearby = repository.holdersAt(decided.player().locationId(), playerId, together);
        return nearby.chain(here -> sharers(playerId).map(shared -> {
            List<Companion> all = new ArrayList<>(here);
            all.addAll(shared);
            return all;
        }));
    }
}
