package com.langomni.orchestrator.game.world;

import com.langomni.orchestrator.game.rules.quest.QuestDef;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.ItemKind;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.rules.world.ScheduleSlot;
import com.langomni.orchestrator.game.rules.world.WorldEventKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a parsed pack and maps it to the domain; every broken rule is reported, each naming its entry. */
final class PackMapper {

    static final int SUPPORTED_VERSION = 1;
    static final int MIN_KNOWLEDGE_LINES = 12;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final List<String> errors = new ArrayList<>();

    private PackMapper() {
    }

    static World toWorld(PackDto pack) {
        PackMapper mapper = new PackMapper();
        World world = mapper.map(pack);
        if (!mapper.errors.isEmpty()) {
            throw new IllegalArgumentException("invalid world pack: " + String.join("; ", mapper.errors));
        }
        return world;
    }

    private World map(PackDto pack) {
        if (pack.version() == null) {
            errors.add("version is missing");
        } else if (pack.version() != SUPPORTED_VERSION) {
            errors.add("version " + pack.version() + " is not supported (expected " + SUPPORTED_VERSION + ")");
        }
        Map<String, ItemDef> items = items(list(pack.items()));
        Map<String, CreatureDef> creatures = creatures(list(pack.creatures()), items);
        Set<String> locationIds = locationIds(list(pack.locations()));
        Map<String, Npc> npcs = npcs(list(pack.npcs()), locationIds);
        Map<String, Location> locations = locations(list(pack.locations()), locationIds, items, creatures, npcs);
        if (blank(pack.start())) {
            errors.add("start location is missing");
        } else if (!locations.containsKey(pack.start())) {
            errors.add("start location '" + pack.start() + "' does not exist");
        } else {
            checkReachable(pack.start(), locations);
        }
        checkKeysObtainable(locations, creatures);
        Map<String, WorldEventKind> events = events(list(pack.events()), locations);
        Map<String, QuestDef> quests = QuestMapper.quests(list(pack.quests()), locations.keySet(), items.keySet(),
                npcs.keySet(), creatures.keySet(), errors);
        return new World(String.valueOf(pack.version()), pack.start(), Collections.unmodifiableMap(locations),
                Collections.unmodifiableMap(items), Collections.unmodifiableMap(npcs),
                Collections.unmodifiableMap(creatures), Collections.unmodifiableMap(events),
                Collections.unmodifiableMap(quests));
    }

    private Map<String, ItemDef> items(List<PackDto.ItemDto> dtos) {
        Map<String, ItemDef> items = new LinkedHashMap<>();
        for (int i = 0; i < dtos.size(); i++) {
            PackDto.ItemDto dto = dtos.get(i);
            String where = entry("item", dto.id(), i);
            if (!id(where, dto.id(), items.keySet())) {
                continue;
            }
            text(where, "name", dto.name());
            text(where, "description", dto.description());
            ItemKind kind = kind(where, dto.kind());
            int damage = orZero(dto.damage());
            int heal = orZero(dto.heal());
            if (damage < 0 || heal < 0) {
                errors.add(where + ": damage and heal must not be negative");
            }
            if (kind == ItemKind.WEAPON && damage <= 0) {
                errors.add(where + ": a weapon needs damage > 0");
            }
            if (kind == ItemKind.CONSUMABLE && heal <= 0) {
                errors.add(where + ": a consumable needs heal > 0");
            }
            items.put(dto.id(), new ItemDef(dto.id(), dto.name(), list(dto.aliases()), dto.description(),
                    kind == null ? ItemKind.MISC : kind, damage, heal, dto.takeable() == null || dto.takeable()));
        }
        return items;
    }

    private Map<String, CreatureDef> creatures(List<PackDto.CreatureDto> dtos, Map<String, ItemDef> items) {
        Map<String, CreatureDef> creatures = new LinkedHashMap<>();
        for (int i = 0; i < dtos.size(); i++) {
            PackDto.CreatureDto dto = dtos.get(i);
            String where = entry("creature", dto.id(), i);
            if (!id(where, dto.id(), creatures.keySet())) {
                continue;
            }
            text(where, "name", dto.name());
            text(where, "description", dto.description());
            int hp = orZero(dto.hp());
            if (hp <= 0) {
                errors.add(where + ": hp must be > 0");
            }
            List<Integer> damage = list(dto.damage());
            int min = 0;
            int max = 0;
            if (damage.size() != 2 || damage.contains(null) || damage.get(0) < 0 || damage.get(0) > damage.get(1)) {
                errors.add(where + ": damage must be [min, max] with 0 <= min <= max");
            } else {
                min = damage.get(0);
                max = damage.get(1);
            }
            int respawn = orZero(dto.respawn());
            if (respawn <= 0) {
                errors.add(where + ": respawn must be > 0 seconds");
            }
            for (String loot : list(dto.loot())) {
                if (!items.containsKey(loot)) {
                    errors.add(where + ": loot item '" + loot + "' does not exist");
                }
            }
            creatures.put(dto.id(), new CreatureDef(dto.id(), dto.name(), list(dto.aliases()), dto.description(), hp,
                    min, max, dto.hostile() == null || dto.hostile(), list(dto.loot()), respawn));
        }
        return creatures;
    }

    private Set<String> locationIds(List<PackDto.LocationDto> dtos) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < dtos.size(); i++) {
            id(entry("location", dtos.get(i).id(), i), dtos.get(i).id(), ids);
            ids.add(dtos.get(i).id());
        }
        ids.remove(null);
        return ids;
    }

    private Map<String, Npc> npcs(List<PackDto.NpcDto> dtos, Set<String> locationIds) {
        Map<String, Npc> npcs = new LinkedHashMap<>();
        for (int i = 0; i < dtos.size(); i++) {
            PackDto.NpcDto dto = dtos.get(i);
            String where = entry("npc", dto.id(), i);
            if (!id(where, dto.id(), npcs.keySet())) {
                continue;
            }
            text(where, "name", dto.name());
            text(where, "title", dto.title());
            text(where, "persona", dto.persona());
            text(where, "greeting", dto.greeting());
            if (blank(dto.location())) {
                errors.add(where + ": location is missing");
            } else if (!locationIds.contains(dto.location())) {
                errors.add(where + ": location '" + dto.location() + "' does not exist");
            }
            List<String> knowledge = list(dto.knowledge());
            long lines = knowledge.stream().filter(k -> !blank(k)).count();
            if (lines < MIN_KNOWLEDGE_LINES || lines != knowledge.size()) {
                errors.add(where + ": needs at least " + MIN_KNOWLEDGE_LINES + " non-blank knowledge lines, has "
                        + lines + (lines != knowledge.size() ? " and " + (knowledge.size() - lines) + " blank" : ""));
            }
            npcs.put(dto.id(), new Npc(dto.id(), dto.name(), dto.title(), dto.location(), list(dto.aliases()),
                    dto.persona(), knowledge, dto.greeting(), schedule(where, list(dto.schedule()), locationIds)));
        }
        return npcs;
    }

    private Map<String, Location> locations(List<PackDto.LocationDto> dtos, Set<String> locationIds,
                                            Map<String, ItemDef> items, Map<String, CreatureDef> creatures,
                                            Map<String, Npc> npcs) {
        Map<String, Location> locations = new LinkedHashMap<>();
        for (int i = 0; i < dtos.size(); i++) {
            PackDto.LocationDto dto = dtos.get(i);
            if (blank(dto.id()) || locations.containsKey(dto.id())) {
                continue;
            }
            String where = entry("location", dto.id(), i);
            text(where, "name", dto.name());
            text(where, "description", dto.description());
            List<Exit> exits = exits(where, list(dto.exits()), locationIds, items);
            for (String item : list(dto.items())) {
                if (!items.containsKey(item)) {
                    errors.add(where + ": item '" + item + "' does not exist");
                }
            }
            Set<String> seen = new HashSet<>();
            for (String creature : list(dto.creatures())) {
                if (!creatures.containsKey(creature)) {
                    errors.add(where + ": creature '" + creature + "' does not exist");
                } else if (!seen.add(creature)) {
                    errors.add(where + ": creature '" + creature + "' is listed twice");
                }
            }
            List<String> residents = npcs.values().stream()
                    .filter(n -> dto.id().equals(n.locationId())).map(Npc::id).toList();
            locations.put(dto.id(), new Location(dto.id(), dto.name(), dto.description(), exits, list(dto.items()),
                    residents, list(dto.creatures()), blank(dto.night()) ? null : dto.night()));
        }
        return locations;
    }

    private List<Exit> exits(String where, List<PackDto.ExitDto> dtos, Set<String> locationIds,
                             Map<String, ItemDef> items) {
        List<Exit> exits = new ArrayList<>();
        Set<String> words = new HashSet<>();
        for (PackDto.ExitDto dto : dtos) {
            if (blank(dto.dir())) {
                errors.add(where + ": an exit has no dir");
                continue;
            }
            String exit = where + ": exit '" + dto.dir() + "'";
            if (blank(dto.to())) {
                errors.add(exit + " has no target");
            } else if (!locationIds.contains(dto.to())) {
                errors.add(exit + " leads to unknown location '" + dto.to() + "'");
            }
            if (dto.key() != null) {
                ItemDef key = items.get(dto.key());
                if (key == null) {
                    errors.add(exit + " needs key '" + dto.key() + "', which does not exist");
                } else if (key.kind() != ItemKind.KEY) {
                    errors.add(exit + " needs key '" + dto.key() + "', which is not of kind key");
                }
            }
            List<String> names = new ArrayList<>(list(dto.aliases()));
            names.add(0, dto.dir());
            for (String name : names) {
                if (!words.add(name.toLowerCase(Locale.ROOT))) {
                    errors.add(where + ": '" + name + "' names more than one exit");
                }
            }
            exits.add(new Exit(dto.dir(), dto.to(), list(dto.aliases()), dto.key()));
        }
        return exits;
    }

    private List<ScheduleSlot> schedule(String where, List<PackDto.ScheduleDto> dtos, Set<String> locationIds) {
        List<ScheduleSlot> slots = new ArrayList<>();
        for (PackDto.ScheduleDto dto : dtos) {
            if (dto.from() == null || dto.to() == null || dto.from() < 0 || dto.from() > 23 || dto.to() < 0
                    || dto.to() > 23) {
                errors.add(where + ": a schedule slot needs from and to hours in 0..23");
                continue;
            }
            if (blank(dto.at()) || !locationIds.contains(dto.at())) {
                errors.add(where + ": schedule location '" + dto.at() + "' does not exist");
                continue;
            }
            slots.add(new ScheduleSlot(dto.from(), dto.to(), dto.at()));
        }
        return slots;
    }

    private Map<String, WorldEventKind> events(List<PackDto.EventDto> dtos, Map<String, Location> locations) {
        Map<String, WorldEventKind> events = new LinkedHashMap<>();
        for (int i = 0; i < dtos.size(); i++) {
            PackDto.EventDto dto = dtos.get(i);
            String where = entry("event", dto.id(), i);
            if (!id(where, dto.id(), events.keySet())) {
                continue;
            }
            text(where, "name", dto.name());
            text(where, "announcement", dto.announcement());
            text(where, "ambience", dto.ambience());
            int duration = orZero(dto.duration());
            if (duration <= 0) {
                errors.add(where + ": duration must be > 0 seconds");
            }
            Set<String> blocks = new HashSet<>();
            for (String block : list(dto.blocks())) {
                String[] parts = block == null ? new String[0] : block.split("/", 2);
                Location at = parts.length == 2 ? locations.get(parts[0]) : null;
                if (at == null || at.exits().stream().noneMatch(e -> e.direction().equals(parts[1]))) {
                    errors.add(where + ": blocks '" + block + "' is no location/direction exit");
                } else {
                    blocks.add(WorldEventKind.exitKey(parts[0], parts[1]));
                }
            }
            events.put(dto.id(), new WorldEventKind(dto.id(), dto.name(), dto.announcement(), dto.ambience(),
                    blank(dto.ending()) ? null : dto.ending(), duration, blocks));
        }
        return events;
    }

    private void checkReachable(String start, Map<String, Location> locations) {
        Set<String> reached = new HashSet<>();
        List<String> frontier = new ArrayList<>(List.of(start));
        while (!frontier.isEmpty()) {
            String id = frontier.remove(frontier.size() - 1);
            Location location = locations.get(id);
            if (location != null && reached.add(id)) {
                location.exits().forEach(e -> frontier.add(e.to()));
            }
        }
        locations.keySet().stream().filter(id -> !reached.contains(id))
                .forEach(id -> errors.add("location '" + id + "' cannot be reached from the start"));
    }

    /** A locked exit whose key lies nowhere and drops from nothing could never open. */
    private void checkKeysObtainable(Map<String, Location> locations, Map<String, CreatureDef> creatures) {
        Set<String> placed = new HashSet<>();
        locations.values().forEach(l -> placed.addAll(l.items()));
        creatures.values().forEach(c -> placed.addAll(c.loot()));
        for (Location location : locations.values()) {
            for (Exit exit : location.exits()) {
                if (exit.keyItemId() != null && !placed.contains(exit.keyItemId())) {
                    errors.add("location '" + location.id() + "': key '" + exit.keyItemId() + "' for exit '"
                            + exit.direction() + "' is nowhere in the world");
                }
            }
        }
    }

    private ItemKind kind(String where, String kind) {
        if (blank(kind)) {
            errors.add(where + ": kind is missing");
            return null;
        }
        try {
            return ItemKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(where + ": unknown kind '" + kind + "' (weapon, consumable, key, treasure, misc)");
            return null;
        }
    }

    /** Checks an id; false when the entry cannot be kept (no id, or a duplicate). */
    private boolean id(String where, String id, Set<String> taken) {
        if (blank(id)) {
            errors.add(where + ": id is missing");
            return false;
        }
        if (!ID.matcher(id).matches()) {
            errors.add(where + ": id must be lower-case letters, digits and '-'");
        }
        if (taken.contains(id)) {
            errors.add(where + ": duplicate id");
            return false;
        }
        return true;
    }

    private void text(String where, String field, String value) {
        if (blank(value)) {
            errors.add(where + ": " + field + " is missing");
        }
    }

    private static String entry(String kind, String id, int index) {
        return blank(id) ? kind + " #" + (index + 1) : kind + " '" + id + "'";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
