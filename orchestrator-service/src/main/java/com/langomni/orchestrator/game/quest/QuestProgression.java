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

/**
 * The quest step of the action pipeline, inside the action's transaction: loads the player's quest log (and, when a
 * step done together may be reached, the other holders standing where the player ends up), applies
 * {@link QuestRules}, and writes the rows that changed. The player's rewards are in the returned outcome's player,
 * written with the action's player row.
 * <p>
 * Parties: {@link #sharers(String)} is where a party's members will come in; until parties exist a player shares
 * with nobody, and rewards a sharer earns ({@link QuestTurn#grants()}) are for the party wiring to give.
 */
@ApplicationScoped
public class QuestProgression {

    private final QuestRules rules;
    private final QuestRepository repository;
    private final World world;

    QuestProgression(World world, QuestRepository repository) {
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

    /**
     * The players who share {@code playerId}'s quest progress (party members, once parties exist; their
     * {@link Companion#shares()} is true). None for now.
     */
    protected Uni<List<Companion>> sharers(String playerId) {
        return Uni.createFrom().item(List.of());
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
