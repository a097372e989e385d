package com.langomni.words;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One sentence position in a narration: the variants that may fill it, used only when {@code condition} holds for the
 * scene. A variant is eligible when the scene has every value it names; the seed picks among the eligible ones.
 * When none is eligible the {@code fallback} (if any) is used, so the sentence that carries the outcome is never
 * lost. An empty variant means "say nothing here", which lets a slot be optional by chance.
 */
public record Slot(Predicate<Scene> condition, List<String> variants, String fallback) {

    public static Slot of(String... variants) {
        return new Slot(scene -> true, List.of(variants), null);
    }

    public static Slot when(Predicate<Scene> condition, String... variants) {
        return new Slot(condition, List.of(variants), null);
    }

    /** This slot, falling back to {@code template} when no variant fits the scene. */
    public Slot orElse(String template) {
        return new Slot(condition, variants, template);
    }

    /** The sentence for this slot, or empty when the slot does not apply or cannot be filled. */
    public Optional<String> render(Scene scene, long seed, int salt) {
        if (!condition.test(scene)) {
            return Optional.empty();
        }
        List<String> eligible = variants.stream().map(scene::fill).flatMap(Optional::stream).toList();
        if (eligible.isEmpty()) {
            return fallback == null ? Optional.empty() : scene.fill(fallback);
        }
        return Optional.of(eligible.get(Seed.pick(seed, salt, eligible.size())));
    }
}
