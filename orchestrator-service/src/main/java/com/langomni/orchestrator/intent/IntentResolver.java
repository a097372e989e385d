package com.langomni.orchestrator.intent;

import com.langomni.api.intent.IntentProposalRequest;
import com.langomni.api.outcome.Verb;
import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.LegalActions.LegalAction;
import com.langomni.orchestrator.game.rules.LegalActions;
import com.langomni.orchestrator.game.rules.world.GameClock;
import com.langomni.orchestrator.game.rules.Parser;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.state.LocationStates;
import com.langomni.orchestrator.game.state.PlayerStateStore;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Between the parser and the rules: replaces pronouns with the player's last referent ({@link Referents}), and when
 * the parser could not map the words ({@link Verb#UNKNOWN}) asks the proposer ({@link IntentProposals}) which of the
 * actions legal here and now ({@link LegalActions}) they meant. A pick is checked against that list and parsed back
 * into an intent, so the rules apply it exactly as if typed (and still decide); anything else (none, a pick not in
 * the list, the proposer down or past its deadline) leaves the words unknown, narrated as flavour with a few legal
 * actions suggested. With the proposer off ({@code langomni.intent.proposer=off}) unknown words are narrated as
 * flavour as before, rules only. Never fails because of the proposer.
 * <p>
 * Only UNKNOWN is proposed for: a known verb with a target the rules cannot find gets their precise refusal
 * ("There is no lantern here"), which is truer than a guess and costs no extra load on the hot path.
 */
@ApplicationScoped
public class IntentResolver {

    private final IntentProposals proposals;
    private final Referents referents;
    private final PlayerStateStore players;
    private final LocationStates locations;
    private final World world;
    private final Parser parser;
    private final IntentConfig config;
    private final GameClock clock;

    IntentResolver(IntentProposals proposals, Referents referents, PlayerStateStore players, LocationStates locations,
                   World world, Parser parser, IntentConfig config, GameClock clock) {
        this.clock = clock;
        this.proposals = proposals;
        this.referents = referents;
        this.players = players;
        this.locations = locations;
        this.world = world;
        this.parser = parser;
        this.config = config;
    }

    public Uni<Understood> resolve(String playerId, Intent parsed) {
        if (parsed.withheld()) {
            return Uni.createFrom().item(Understood.asParsed(parsed));
        }
        Uni<Intent> resolved = parsed.usesPronoun()
                ? referents.last(playerId).map(last -> parsed.withReferent(last.orElse(null)))
                : Uni.createFrom().item(parsed);
        return resolved.chain(intent -> intent.verb() == Verb.UNKNOWN && proposals.enabled()
                ? unknown(playerId, intent)
                : Uni.createFrom().item(Understood.asParsed(intent)));
    }

    /** After the rules: what the player's next pronoun stands for. */
    public Uni<Void> remember(String playerId, Intent intent, boolean succeeded) {
        return referents.remember(playerId, intent.referent(succeeded));
    }

    private Uni<Understood> unknown(String playerId, Intent intent) {
        long now = System.currentTimeMillis();
        return players.get(playerId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Understood.asParsed(intent)); // the pipeline refuses it next
            }
            PlayerState player = found.get().state();
            return locations.current(player.locationId()).chain(here -> {
                if (LegalActions.identify(world, clock, player, here, intent, now).isPresent()) {
                    return Uni.createFrom().item(Understood.asParsed(intent)); // a bare exit name: the rules move
                }
                List<LegalAction> legal = LegalActions.of(world, clock, player, here, now);
                return propose(intent, player, legal);
            });
        }).onFailure().recoverWithItem(failure -> {
            Log.debugf("No legal actions for %s: %s", playerId, failure.toString());
            return Understood.asParsed(intent);
        });
    }

    private Uni<Understood> propose(Intent intent, PlayerState player, List<LegalAction> legal) {
        Understood notUnderstood = new Understood(intent, null, suggestions(legal, config.suggestions()));
        if (intent.raw() == null || intent.raw().isBlank()) {
            return Uni.createFrom().item(notUnderstood);
        }
        List<String> commands = legal.stream().map(LegalAction::command).limit(config.maxActions()).toList();
        String location = world.location(player.locationId()).map(Location::name).orElse(null);
        return proposals.propose(new IntentProposalRequest(intent.raw(), location, commands))
                .map(proposal -> proposal.picked() && commands.contains(proposal.action())
                        ? understood(intent, proposal.action())
                        : notUnderstood)
                .onFailure().recoverWithItem(failure -> {
                    Log.debugf("Intent proposal failed, suggestions instead: %s", failure.toString());
                    return notUnderstood;
                });
    }

    /** The picked command as the parser reads it, with the player's own words kept (the NPC hears those). */
    private Understood understood(Intent unknown, String command) {
        Intent picked = parser.parse(command);
        return new Understood(new Intent(picked.verb(), picked.target(), picked.topic(), unknown.raw()), command,
                List.of());
    }

    /** A few legal commands of different kinds, ways out first: "go north", "talk to pip", "take bread"... */
    static List<String> suggestions(List<LegalAction> legal, int max) {
        List<String> chosen = new ArrayList<>();
        Set<Verb> seen = EnumSet.of(Verb.LOOK, Verb.INVENTORY);
        for (LegalAction action : legal) {
            if (chosen.size() >= max) {
                break;
            }
            if (seen.add(action.verb())) {
                chosen.add(action.command());
            }
        }
        return List.copyOf(chosen);
    }
}
