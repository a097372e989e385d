package com.langomni.orchestrator.game.rules;

import com.langomni.orchestrator.game.rules.model.Dice;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import com.langomni.orchestrator.game.rules.model.CreatureState;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.Offer;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.rules.world.GameClock;
import com.langomni.orchestrator.game.rules.world.WorldStatus;
import com.langomni.api.outcome.Verb;
import java.util.EnumSet;

/**
 * The only thing that changes game state. Applies one {@link Intent} to a player and the location they stand in
 * and returns what happened, as facts (the words are game-words'); deterministic for a given {@link Dice}. Text
 * typed by the player is only ever matched against the world, never obeyed, so no wording can change state beyond
 * what these rules allow.
 * Stateless apart from the world and the dice, so one instance serves all threads when the dice are thread-safe.
 */
public final class RulesEngine {

    /** HP of a new player. */
    public static final int PLAYER_MAX_HP = 30;

    /**
     * What a player may still do while the world is paused: nothing that changes it. Quest logs, parties and offers
     * touch no item or place; accepting a trade moves items, so it waits.
     */
    public static final Set<Verb> ALLOWED_WHILE_PAUSED = Set.copyOf(EnumSet.of(Verb.LOOK, Verb.EXAMINE, Verb.HELP,
            Verb.INVENTORY, Verb.SAY, Verb.QUESTS, Verb.QUEST, Verb.OFFER, Verb.DECLINE, Verb.CANCEL, Verb.INVITE,
            Verb.JOIN, Verb.LEAVE, Verb.PARTY, Verb.PSAY));

    private final World world;
    private final Dice dice;
    private final GameClock clock;

    public RulesEngine(World world, Dice dice) {
        this(world, dice, GameClock.DEFAULT);
    }

    public RulesEngine(World world, Dice dice, GameClock clock) {
        this.world = Objects.requireNonNull(world, "world");
        this.dice = Objects.requireNonNull(dice, "dice");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (world.location(world.startLocationId()).isEmpty()) {
            throw new IllegalArgumentException("start location '" + world.startLocationId() + "' does not exist");
        }
    }

    public World world() {
        return world;
    }

    public GameClock clock() {
        return clock;
    }

    /** A new player at the start location, full HP, empty pack. */
    public PlayerState newPlayer(String id, String name) {
        return new PlayerState(id, name, world.startLocationId(), PLAYER_MAX_HP, PLAYER_MAX_HP, List.of());
    }

    /** A location as the pack authors it: its items, its creatures at full HP, every exit as authored. */
    public LocationState initialState(String locationId) {
        Location location = world.location(locationId)
                .orElseThrow(() -> new IllegalArgumentException("unknown location '" + locationId + "'"));
        Map<String, CreatureState> creatures = new HashMap<>();
        for (String id : location.creatures()) {
            world.creature(id).ifPresent(c -> creatures.put(id, new CreatureState(id, c.maxHp(), 0)));
        }
        return new LocationState(locationId, location.items(), creatures, Set.of());
    }

    /**
     * Applies {@code intent} for {@code player}.
     *
     * @param here the current state of the player's location ({@code here.locationId()} must be
     *             {@code player.locationId()})
     * @throws IllegalArgumentException when {@code here} is not the player's location or the location is unknown
     */
    public Outcome apply(PlayerState player, LocationState here, Intent intent, long nowMillis) {
        return apply(player, here, intent, nowMillis, true);
    }

    /**
     * As {@link #apply(PlayerState, LocationState, Intent, long)}; {@code mayTalk} false when the player's
     * conversation budget is spent: a TALK or TELL that finds its NPC is then refused ({@code TALKED_OUT}).
     */
    public Outcome apply(PlayerState player, LocationState here, Intent intent, long nowMillis, boolean mayTalk) {
        return apply(player, here, intent, nowMillis, mayTalk, WorldStatus.RUNNING);
    }

    /**
     * As {@link #apply(PlayerState, LocationState, Intent, long, boolean)} in a world an admin may have paused (only
     * {@link #ALLOWED_WHILE_PAUSED} then, the rest refused {@code WORLD_PAUSED}) or visited with an event.
     */
    public Outcome apply(PlayerState player, LocationState here, Intent intent, long nowMillis, boolean mayTalk,
                         WorldStatus status) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(here, "here");
        Objects.requireNonNull(intent, "intent");
        if (!here.locationId().equals(player.locationId())) {
            throw new IllegalArgumentException("state of '" + here.locationId() + "' given for a player in '"
                    + player.locationId() + "'");
        }
        Turn turn = new Turn(world, dice, intent,
                new Place(world, here, nowMillis, clock.at(nowMillis), status), player, mayTalk);
        if (intent.withheld()) {
            return turn.refuse(Facts.Refused.because(Refusal.WITHHELD));
        }
        if (status.paused() && !ALLOWED_WHILE_PAUSED.contains(intent.verb())) {
            return turn.refuse(Facts.Refused.because(Refusal.WORLD_PAUSED));
        }
        return switch (intent.verb()) {
            case LOOK -> Perception.look(turn);
            case EXAMINE -> Perception.examine(turn);
            case HELP -> Perception.help(turn);
            case GO -> Movement.go(turn, intent.target());
            case TAKE -> ItemRules.take(turn);
            case DROP -> ItemRules.drop(turn);
            case INVENTORY -> ItemRules.inventory(turn);
            case USE -> ItemRules.use(turn);
            case SAY -> Conversation.say(turn);
            case TALK -> Conversation.talk(turn);
            case TELL -> Conversation.tell(turn);
            case ATTACK -> Combat.attack(turn);
            case GIVE -> Giving.give(turn);
            // the quest log is the quest rules' (QuestRules, after this engine): nothing changes here
            case QUESTS, QUEST -> turn.done(new Facts.QuestsShown(List.of(), false, 0, 0));
            // decided with the other player's state (offer, accept, ...) or the party's: the methods below
            case OFFER, ACCEPT, DECLINE, CANCEL, INVITE, JOIN, LEAVE, PARTY, PSAY -> turn.done(new Facts.Nothing());
            case UNKNOWN -> unknown(turn);
        };
    }

    /**
     * OFFER: whether the player may offer what they named to {@code recipient} (null when no player has the name
     * given); nothing changes either way.
     */
    public Outcome offer(PlayerState player, LocationState here, Intent intent, PlayerState recipient,
                         long ttlSeconds, long nowMillis) {
        Turn turn = turn(player, here, intent, nowMillis);
        return intent.withheld() ? turn.refuse(Facts.Refused.because(Refusal.WITHHELD))
                : Trading.offer(turn, recipient, ttlSeconds);
    }

    /**
     * ACCEPT {@code offer} (null: none waiting, {@code named} the name the player gave, if any) made by
     * {@code offerer} as they are now: both packs change at once, or nothing does.
     */
    public Trading.Swap accept(PlayerState player, LocationState here, Intent intent, Offer offer,
                               PlayerState offerer, String named, long nowMillis) {
        return Trading.accept(turn(player, here, intent, nowMillis), offer, offerer, named);
    }

    /** DECLINE {@code offer} (null: none waiting) made by {@code offererName}. */
    public Outcome decline(PlayerState player, LocationState here, Intent intent, Offer offer, String offererName,
                           String named, long nowMillis) {
        return Trading.decline(turn(player, here, intent, nowMillis), offer, offererName, named);
    }

    /** CANCEL the player's own offer (null: none waiting) to {@code recipientName}. */
    public Outcome cancel(PlayerState player, LocationState here, Intent intent, Offer own, String recipientName,
                          long nowMillis) {
        return Trading.cancel(turn(player, here, intent, nowMillis), own, recipientName);
    }

    private Turn turn(PlayerState player, LocationState here, Intent intent, long nowMillis) {
        if (!here.locationId().equals(player.locationId())) {
            throw new IllegalArgumentException("state of '" + here.locationId() + "' given for a player in '"
                    + player.locationId() + "'");
        }
        return new Turn(world, dice, intent, new Place(world, here, nowMillis), player, true);
    }

    /** A bare exit name ("gate", "stairs") is a move; anything else is narrated and changes nothing. */
    private Outcome unknown(Turn turn) {
        String phrase = Names.normalize(turn.intent.raw());
        if (!phrase.isEmpty() && turn.place.exactExit(phrase).isPresent()) {
            return Movement.go(turn, phrase);
        }
        return turn.done(new Facts.Nothing());
    }
}
