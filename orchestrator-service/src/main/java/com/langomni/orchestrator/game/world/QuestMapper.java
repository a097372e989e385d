package com.langomni.orchestrator.game.world;

import com.langomni.orchestrator.game.rules.quest.QuestDef;
import com.langomni.orchestrator.game.rules.quest.QuestReward;
import com.langomni.orchestrator.game.rules.quest.QuestStep;
import com.langomni.orchestrator.game.rules.quest.QuestTrigger;
import com.langomni.orchestrator.game.rules.quest.TriggerKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks and maps the pack's quests: unique ids, a known giver, at least one step, exactly one trigger per step naming
 * something the pack defines, known prerequisites with no cycle among them, known reward items, no negative reward.
 * Every problem is added to {@code errors}, naming its quest (and step).
 */
final class QuestMapper {

    /** The most players a step can ask to stand together. */
    static final int MAX_TOGETHER = 4;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final List<String> errors;
    private final Set<String> locations;
    private final Set<String> items;
    private final Set<String> npcs;
    private final Set<String> creatures;

    private QuestMapper(List<String> errors, Set<String> locations, Set<String> items, Set<String> npcs,
                        Set<String> creatures) {
        this.errors = errors;
        this.locations = locations;
        this.items = items;
        this.npcs = npcs;
        this.creatures = creatures;
    }

    static Map<String, QuestDef> quests(List<PackDto.QuestDto> dtos, Set<String> locations, Set<String> items,
                                        Set<String> npcs, Set<String> creatures, List<String> errors) {
        return new QuestMapper(errors, locations, items, npcs, creatures).map(dtos);
    }

    private Map<String, QuestDef> map(List<PackDto.QuestDto> dtos) {
        Set<String> ids = new HashSet<>();
        for (PackDto.QuestDto dto : dtos) {
            if (dto != null && dto.id() != null) {
                ids.add(dto.id());
            }
        }
        Map<String, QuestDef> quests = new LinkedHashMap<>();
        for (int i = 0; i < dtos.size(); i++) {
            PackDto.QuestDto dto = dtos.get(i);
            if (dto == null) {
                errors.add("quest #" + (i + 1) + " is empty");
                continue;
            }
            String where = blank(dto.id()) ? "quest #" + (i + 1) : "quest '" + dto.id() + "'";
            if (blank(dto.id())) {
                errors.add(where + ": id is missing");
                continue;
            }
            if (!ID.matcher(dto.id()).matches()) {
                errors.add(where + ": id must be lower-case letters, digits and '-'");
            }
            if (quests.containsKey(dto.id())) {
                errors.add(where + ": duplicate id");
                continue;
            }
            if (blank(dto.name())) {
                errors.add(where + ": name is missing");
            }
            if (blank(dto.giver())) {
                errors.add(where + ": giver is missing");
            } else if (!npcs.contains(dto.giver())) {
                errors.add(where + ": giver '" + dto.giver() + "' is not an NPC of the pack");
            }
            List<String> requires = dto.requires() == null ? List.of() : dto.requires();
            for (String required : requires) {
                if (!ids.contains(required)) {
                    errors.add(where + ": requires unknown quest '" + required + "'");
                } else if (required.equals(dto.id())) {
                    errors.add(where + ": requires itself");
                }
            }
            List<QuestStep> steps = steps(where, dto.steps() == null ? List.of() : dto.steps());
            quests.put(dto.id(), new QuestDef(dto.id(), dto.name(), dto.giver(), dto.summary(), requires, steps,
                    reward(where, dto.reward())));
        }
        checkNoCycles(quests);
        return quests;
    }

    private List<QuestStep> steps(String where, List<PackDto.StepDto> dtos) {
        if (dtos.isEmpty()) {
            errors.add(where + ": it has no steps");
        }
        List<QuestStep> steps = new ArrayList<>();
        for (int i = 0; i < dtos.size(); i++) {
            PackDto.StepDto dto = dtos.get(i);
            String at = where + " step " + (i + 1);
            if (dto == null) {
                errors.add(at + " is empty");
                continue;
            }
            if (blank(dto.text())) {
                errors.add(at + ": text is missing");
            }
            List<QuestTrigger> triggers = new ArrayList<>();
            if (dto.reach() != null) {
                triggers.add(known(at, TriggerKind.REACH, dto.reach(), locations, "location", null));
            }
            if (dto.take() != null) {
                triggers.add(known(at, TriggerKind.TAKE, dto.take(), items, "item", null));
            }
            if (dto.give() != null) {
                if (blank(dto.to())) {
                    errors.add(at + ": give needs 'to' (the NPC who receives it)");
                } else if (!npcs.contains(dto.to())) {
                    errors.add(at + ": 'to' names unknown NPC '" + dto.to() + "'");
                }
                triggers.add(known(at, TriggerKind.GIVE, dto.give(), items, "item", dto.to()));
            } else if (dto.to() != null) {
                errors.add(at + ": 'to' goes only with give");
            }
            if (dto.kill() != null) {
                triggers.add(known(at, TriggerKind.KILL, dto.kill(), creatures, "creature", null));
            }
            if (dto.talk() != null) {
                triggers.add(known(at, TriggerKind.TALK, dto.talk(), npcs, "NPC", null));
            }
            if (triggers.size() != 1) {
                errors.add(at + ": needs exactly one trigger (reach, take, give, kill or talk), has "
                        + triggers.size());
                continue;
            }
            int together = dto.together() == null ? 1 : dto.together();
            if (together < 1 || together > MAX_TOGETHER) {
                errors.add(at + ": together must be between 1 and " + MAX_TOGETHER);
            }
            steps.add(new QuestStep(dto.text(), triggers.get(0), together));
        }
        return steps;
    }

    private QuestTrigger known(String at, TriggerKind kind, String id, Set<String> known, String what, String npc) {
        if (!known.contains(id)) {
            errors.add(at + ": " + kind.name().toLowerCase() + " names unknown " + what + " '" + id + "'");
        }
        return new QuestTrigger(kind, id, npc);
    }

    private QuestReward reward(String where, PackDto.RewardDto dto) {
        if (dto == null) {
            return QuestReward.NONE;
        }
        List<String> rewardItems = dto.items() == null ? List.of() : dto.items();
        for (String item : rewardItems) {
            if (!items.contains(item)) {
                errors.add(where + ": reward names unknown item '" + item + "'");
            }
        }
        int hp = orZero(dto.hp());
        int xp = orZero(dto.xp());
        int reputation = orZero(dto.reputation());
        if (hp < 0 || xp < 0 || reputation < 0) {
            errors.add(where + ": reward hp, xp and reputation must not be negative");
        }
        return new QuestReward(rewardItems, hp, xp, reputation);
    }

    /** Prerequisites form no cycle: a quest that (through others) requires itself could never be offered. */
    private void checkNoCycles(Map<String, QuestDef> quests) {
        Set<String> done = new HashSet<>();
        for (String id : quests.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = cycleFrom(id, quests, done, path);
            if (cycle != null) {
                errors.add("quest prerequisites form a cycle: " + String.join(" -> ", cycle));
                return;
            }
        }
    }

    private List<String> cycleFrom(String id, Map<String, QuestDef> quests, Set<String> done, List<String> path) {
        int seen = path.indexOf(id);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(id);
            return cycle;
        }
        if (done.contains(id) || !quests.containsKey(id)) {
            return null;
        }
        path.add(id);
        for (String required : quests.get(id).prerequisites()) {
            if (required.equals(id)) {
                continue; // reported on its own
            }
            List<String> cycle = cycleFrom(required, quests, done, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(id);
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
