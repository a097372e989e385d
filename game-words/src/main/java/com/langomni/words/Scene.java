package com.langomni.words;

import com.langomni.api.game.CreatureView;
import com.langomni.api.game.ExitView;
import com.langomni.api.game.ItemView;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.NpcView;
import com.langomni.api.game.PlayerRef;
import com.langomni.api.game.PlayerView;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.outcome.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a narration may use, resolved once from a request: the rules' facts (as {@link FactValues} names
 * them), the player and location views turned into readable phrases, and the outcome sentence. Templates name them
 * as {@code {key}} ({@code {Key}} capitalises). Only {@code said} carries player words, and templates only ever put
 * it in quotes.
 */
public final class Scene {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern SAY_VERB = Pattern.compile("(?i)^\\s*(say|shout|yell|whisper|')\\s*:?\\s*");
    private static final int MAX_FACT_CHARS = 300;
    private static final int MAX_OUTCOME_CHARS = 2000;
    /** Facts may sharpen numbers and names, but never replace what the views say about the world. */
    private static final Set<String> FROM_VIEWS_ONLY = Set.of("outcome", "location", "description",
            "exits", "noExits", "items", "npcs", "npcsBe", "creatures", "creaturesBe", "players", "playersBe",
            "inventory", "inventoryEmpty", "recent", "said");

    /**
     * Display names the facts carry next to ids ({@code item} is an id, {@code itemName} its name): the readable one
     * fills the placeholder. Player numbers likewise come as {@code playerHp}.
     */
    private static final Map<String, String> READABLE = Map.ofEntries(
            Map.entry("item", "itemName"), Map.entry("creature", "creatureName"), Map.entry("weapon", "weaponName"),
            Map.entry("npc", "npcName"), Map.entry("from", "fromName"), Map.entry("to", "toName"),
            Map.entry("hp", "playerHp"), Map.entry("maxHp", "playerMaxHp"), Map.entry("heal", "healed"),
            Map.entry("taken", "creatureDamage"), Map.entry("respawn", "respawnLocationName"));

    private final Verb intent;
    private final Map<String, String> values;

    private Scene(Verb intent, Map<String, String> values) {
        this.intent = intent;
        this.values = values;
    }

    /** The newest recent event that is not the player's own doing: nobody is told "moments ago: you arrived". */
    private static Optional<String> lastOthersDid(NarrationRequest r) {
        if (r.recent() == null) {
            return Optional.empty();
        }
        String self = r.player() == null || r.player().name() == null ? null : r.player().name() + " ";
        for (int i = r.recent().size() - 1; i >= 0; i--) {
            String line = r.recent().get(i);
            if (line != null && !line.isBlank() && (self == null || !line.startsWith(self))) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    public static Scene of(NarrationRequest r, int maxQuoteChars) {
        Map<String, String> v = new HashMap<>();
        Verb intent = r.intent() == null ? Verb.UNKNOWN : r.intent();
        v.put("outcome", Text.clean(r.outcome(), MAX_OUTCOME_CHARS));
        player(r.player(), v);
        location(r.location(), r.player(), v);
        lastOthersDid(r).ifPresent(line -> v.put("recent", Text.clean(line, MAX_FACT_CHARS)));
        Map<String, String> facts = FactValues.of(r.facts());
        facts.forEach((key, value) -> {
            if (!FROM_VIEWS_ONLY.contains(key)) {
                v.put(key, Text.clean(value, MAX_FACT_CHARS));
            }
        });
        READABLE.forEach((key, readable) -> {
            if (v.get(readable) != null) {
                v.put(key, v.get(readable));
            }
        });
        v.putIfAbsent("respawn", v.get("location"));
        v.put("thing", thing(v));
        String said = facts.get("said");
        if (said == null && intent == Verb.SAY && r.playerText() != null) {
            said = SAY_VERB.matcher(r.playerText()).replaceFirst("");
        }
        v.put("said", Text.quotable(said, maxQuoteChars));
        v.values().removeIf(s -> s == null || s.isBlank());
        return new Scene(intent, v);
    }

    private static void player(PlayerView p, Map<String, String> v) {
        if (p == null) {
            return;
        }
        v.put("player", Text.clean(p.name(), 40));
        v.put("hp", Integer.toString(p.hp()));
        v.put("maxHp", Integer.toString(p.maxHp()));
        List<String> carried = p.inventory() == null ? List.of()
                : p.inventory().stream().filter(Objects::nonNull).map(ItemView::name).map(Scene::phrase)
                        .map(Text::withArticle).toList();
        v.put("inventory", Text.join(carried));
        v.put("inventoryEmpty", carried.isEmpty() ? "true" : null);
    }

    private static void location(LocationView l, PlayerView self, Map<String, String> v) {
        if (l == null) {
            return;
        }
        v.put("location", phrase(l.name()));
        v.put("description", Text.clean(l.description(), 1000));
        List<String> exits = list(l.exits()).stream().map(Scene::exit).toList();
        v.put("exits", Text.join(exits));
        v.put("noExits", exits.isEmpty() ? "true" : null);
        v.put("items", Text.join(list(l.items()).stream().map(ItemView::name).map(Scene::phrase)
                .map(Text::withArticle).toList()));
        List<String> npcs = list(l.npcs()).stream().map(Scene::npc).toList();
        v.put("npcs", Text.join(npcs));
        v.put("npcsBe", Text.be(npcs.size()));
        List<String> creatures = list(l.creatures()).stream().map(Scene::creature).toList();
        v.put("creatures", Text.join(creatures));
        v.put("creaturesBe", Text.be(creatures.size()));
        String selfId = self == null ? null : self.id();
        List<String> others = list(l.players()).stream().filter(p -> !Objects.equals(p.id(), selfId))
                .map(PlayerRef::name).map(Scene::phrase).toList();
        v.put("players", Text.join(others));
        v.put("playersBe", Text.be(others.size()));
    }

    private static String exit(ExitView e) {
        String where = e.name() == null || e.name().isBlank() ? "" : " to " + phrase(e.name());
        return phrase(e.direction()) + where + (e.locked() ? " (locked)" : "");
    }

    private static String npc(NpcView n) {
        String name = phrase(n.name());
        String title = phrase(n.title());
        if (title.isEmpty()) {
            return name;
        }
        String lower = title.toLowerCase(Locale.ROOT);
        if (lower.startsWith("a ") || lower.startsWith("an ")) {
            return name + ", " + title + ",";
        }
        return name + (lower.startsWith("the ") ? " " + title : " the " + title);
    }

    private static String creature(CreatureView c) {
        String name = Text.withArticle(phrase(c.name()));
        if (c.hp() <= 0) {
            return "the body of " + name;
        }
        return name + " (" + (c.hostile() ? "hostile, " : "") + c.hp() + "/" + c.maxHp() + " HP)";
    }

    private static String phrase(String s) {
        return Text.clean(s, 80);
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l.stream().filter(Objects::nonNull).toList();
    }

    /** What an examine looked at: "the rusty sword", "the grey wolf", or an NPC by name. */
    private static String thing(Map<String, String> v) {
        if (v.get("item") != null) {
            return "the " + v.get("item");
        }
        if (v.get("creature") != null) {
            return "the " + v.get("creature");
        }
        return v.get("npc");
    }

    /** The verb narrated ({@link Verb#UNKNOWN} when the request named none). */
    public Verb intent() {
        return intent;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public boolean flag(String key) {
        return "true".equalsIgnoreCase(values.get(key));
    }

    /** A fact as a whole number, empty when absent or not a number. */
    public OptionalInt number(String key) {
        try {
            return values.containsKey(key) ? OptionalInt.of(Integer.parseInt(values.get(key).strip()))
                    : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The template with every placeholder replaced, or empty when the scene lacks one of them. */
    public Optional<String> fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            boolean capital = Character.isUpperCase(key.charAt(0));
            String value = values.get(capital ? Character.toLowerCase(key.charAt(0)) + key.substring(1) : key);
            if (value == null) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(capital ? Text.capitalize(value) : value));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }
}
