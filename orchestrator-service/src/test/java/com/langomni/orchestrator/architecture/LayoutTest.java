package com.langomni.orchestrator.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout docs/ARCHITECTURE.md promises: packages by feature that a person scans at a glance, and rules that
 * depend on nothing but the JDK and the shared contracts (so they stay testable without a server, and the words
 * and I/O stay out of them) and word nothing themselves.
 */
class LayoutTest {

    private static final Path MAIN = Path.of("src/main/java/com/langomni/orchestrator");
    private static final Path RULES = MAIN.resolve("game/rules");
    private static final int MOST_FILES = 20;
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?;", Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern SENTENCE = Pattern.compile("\"[^\"\\n]* [^\"\\n]*[.?!]\"");
    private static final List<String> RULES_MAY_IMPORT = List.of("java.", "com.langomni.api.",
            "com.langomni.orchestrator.game.rules.");

    @Test
    void noPackageHoldsMoreThanAGlanceOfFiles() throws IOException {
        Map<Path, Long> sizes;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sizes = files.filter(f -> f.toString().endsWith(".java"))
                    .collect(Collectors.groupingBy(Path::getParent, Collectors.counting()));
        }
        assertTrue(sizes.size() > 10, "found the packages: " + sizes.keySet());
        Map<Path, Long> large = sizes.entrySet().stream().filter(e -> e.getValue() > MOST_FILES)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), large, "packages with more than " + MOST_FILES + " files");
    }

    @Test
    void theRulesImportNothingButTheJdkAndTheContracts() throws IOException {
        List<String> outside;
        try (Stream<Path> files = Files.walk(RULES)) {
            outside = files.filter(f -> f.toString().endsWith(".java")).flatMap(LayoutTest::imports)
                    .filter(line -> RULES_MAY_IMPORT.stream().noneMatch(line.split(": ")[1]::startsWith))
                    .toList();
        }
        assertEquals(List.of(), outside);
    }

    /**
     * The rules return facts; their words live in game-words. A string literal in the rules' code that reads like a
     * sentence (a space, then a full stop, question or exclamation mark at its end) is words that crept back in.
     */
    @Test
    void theRulesWordNothing() throws IOException {
        List<String> sentences;
        try (Stream<Path> files = Files.walk(RULES)) {
            sentences = files.filter(f -> f.toString().endsWith(".java")).flatMap(LayoutTest::sentences).toList();
        }
        assertEquals(List.of(), sentences);
    }

    private static Stream<String> sentences(Path file) {
        try {
            String code = COMMENT.matcher(Files.readString(file)).replaceAll("");
            return SENTENCE.matcher(code).results().map(r -> file.getFileName() + ": " + r.group()).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<String> imports(Path file) {
        try {
            Matcher found = IMPORT.matcher(Files.readString(file));
            return found.results().map(r -> file.getFileName() + ": " + r.group(1)).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
