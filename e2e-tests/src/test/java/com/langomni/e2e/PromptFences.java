package com.langomni.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a prompt's fenced untrusted blocks are: the markers our services put around player-authored text (world
 * narration: game-words' {@code Untrusted}; NPC lines: npc-llm's {@code NpcPromptBuilder} and {@code InsightPrompts}),
 * so a test can tell player text that sits inside a fence from text that escaped one. The older world markers
 * (PLAYER_TEXT, HISTORY) are kept so a prompt built the old way is read as it was meant.
 * <p>
 * Our builders put every marker alone on its line (but an inline fence's), and player text is flattened to one
 * line, so a marker that shares its line with other text is forged: player text trying to end a fence early. It is reported and read as
 * text. So is a marker met where it cannot be (an opening inside a block, a closing outside one or of another). The system message is never scanned: it names the
 * markers in its rules, and no player text belongs in it at all.
 */
final class PromptFences {
    /** An opening and its closing marker; an inline fence sits within a line (a name in a sentence). */
    record Fence(String open, String close, boolean inline) {
        Fence(String open, String close) {
            this(open, close, false);
        }
    }

    static final List<Fence> FENCES = List.of(
            new Fence("<<<UNTRUSTED", "UNTRUSTED>>>"),
            new Fence("<<<PLAYER_TEXT", "PLAYER_TEXT>>>"),
            new Fence("<<<HISTORY", "HISTORY>>>"),
            new Fence("<player_words>", "</player_words>"),
            new Fence("<player_name>", "</player_name>", true),
            new Fence("<conversation>", "</conversation>"),
            new Fence("<memories>", "</memories>"),
            new Fence("<memory>", "</memory>"));

    private static final Pattern MARKERS = Pattern.compile(String.join("|", FENCES.stream()
            .flatMap(f -> java.util.stream.Stream.of(f.open(), f.close())).map(Pattern::quote).toList()));

    /** The fenced spans of one message (from the end of an opening to the start of its closing) and anomalies. */
    record Scan(List<int[]> spans, List<String> forged) {
        boolean fenced(int at) {
            for (int[] s : spans) {
                if (at >= s[0] && at < s[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    private PromptFences() {
    }

    static Scan scan(String message) {
        List<int[]> spans = new ArrayList<>();
        List<String> forged = new ArrayList<>();
        Fence inside = null;
        int start = 0;
        Matcher m = MARKERS.matcher(message);
        while (m.find()) {
            String marker = m.group();
            boolean inline = FENCES.stream().anyMatch(f -> f.inline() && (f.open().equals(marker)
                    || f.close().equals(marker)));
            if (!inline && !aloneOnItsLine(message, m.start(), m.end())) {
                forged.add(marker + " within a line at " + m.start());
                continue;
            }
            Fence opened = FENCES.stream().filter(f -> f.open().equals(marker)).findFirst().orElse(null);
            if (opened != null) {
                if (inside != null) {
                    forged.add(marker + " inside " + inside.open() + " at " + m.start());
                    continue;
                }
                inside = opened;
                start = m.end();
            } else if (inside != null && inside.close().equals(marker)) {
                spans.add(new int[] {start, m.start()});
                inside = null;
            } else {
                forged.add(marker + (inside == null ? " outside any block" : " inside " + inside.open())
                        + " at " + m.start());
            }
        }
        if (inside != null) {
            forged.add(inside.open() + " never closed");
            spans.add(new int[] {start, message.length()});
        }
        return new Scan(spans, forged);
    }

    private static boolean aloneOnItsLine(String s, int start, int end) {
        int lineStart = s.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = s.indexOf('\n', end);
        return s.substring(lineStart, start).isBlank() && s.substring(end, lineEnd < 0 ? s.length() : lineEnd).isBlank();
    }
}
