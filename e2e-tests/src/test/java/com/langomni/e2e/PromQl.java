package com.langomni.e2e;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Just enough of PromQL to tell which series an expression reads: its selectors (metric name and label matchers)
 * and the labels it groups by. Not a parser for evaluation: durations, numbers, operators and functions are
 * skipped, and Grafana variables ({@code $__rate_interval}) only ever appear inside range brackets.
 */
final class PromQl {
    /** Aggregation operators: followed by {@code by (...)}/{@code without (...)} or {@code (}, never a metric. */
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    /** Keywords whose parenthesised list holds label names. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf",
            "nan");

    record Matcher(String label, String op, String value) {
    }

    record Selector(String metric, List<Matcher> matchers) {
    }

    /** {@code sum by (labels) (argument)}: the labels and the metric names read inside the argument. */
    record Grouping(List<String> labels, Set<String> metrics) {
    }

    private PromQl() {
    }

    static List<Selector> selectors(String expr) {
        List<Token> tokens = tokenize(expr);
        List<Selector> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("[")) {
                i = closing(tokens, i, "[", "]");
            } else if (t.kind == Kind.IDENT && LABEL_LISTS.contains(t.text) && next(tokens, i).is("(")) {
                i = closing(tokens, i + 1, "(", ")");
            } else if (t.kind == Kind.IDENT && isMetric(tokens, i)) {
                List<Matcher> matchers = new ArrayList<>();
                if (next(tokens, i).is("{")) {
                    int end = closing(tokens, i + 1, "{", "}");
                    for (int j = i + 2; j + 2 < end; j += 4) { // label op "value" [,]
                        matchers.add(new Matcher(tokens.get(j).text, tokens.get(j + 1).text, tokens.get(j + 2).text));
                    }
                    i = end;
                }
                out.add(new Selector(t.text, matchers));
            } else if (t.is("{")) {
                throw new IllegalArgumentException("a selector without a metric name is not supported: " + expr);
            }
        }
        return out;
    }

    static List<Grouping> groupings(String expr) {
        List<Token> tokens = tokenize(expr);
        List<Grouping> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind != Kind.IDENT || !(t.text.equals("by") || t.text.equals("without"))
                    || !next(tokens, i).is("(")) {
                continue;
            }
            int labelsEnd = closing(tokens, i + 1, "(", ")");
            List<String> labels = new ArrayList<>();
            for (int j = i + 2; j < labelsEnd; j++) {
                if (tokens.get(j).kind == Kind.IDENT) {
                    labels.add(tokens.get(j).text);
                }
            }
            // `sum by (x) (arg)` and `sum (arg) by (x)`: the argument is the parenthesis after or before
            int argStart;
            int argEnd;
            if (labelsEnd + 1 < tokens.size() && tokens.get(labelsEnd + 1).is("(")) {
                argStart = labelsEnd + 1;
                argEnd = closing(tokens, argStart, "(", ")");
            } else {
                argEnd = i - 1;
                argStart = opening(tokens, argEnd);
            }
            Set<String> metrics = new LinkedHashSet<>();
            String argument = join(tokens.subList(argStart + 1, argEnd));
            selectors(argument).forEach(s -> metrics.add(s.metric()));
            if (t.text.equals("by")) {
                out.add(new Grouping(labels, metrics));
            }
        }
        return out;
    }

    private static boolean isMetric(List<Token> tokens, int i) {
        String name = tokens.get(i).text;
        if (KEYWORDS.contains(name.toLowerCase()) || AGGREGATIONS.contains(name) || LABEL_LISTS.contains(name)) {
            return false;
        }
        return !next(tokens, i).is("("); // a function call
    }

    private static Token next(List<Token> tokens, int i) {
        return i + 1 < tokens.size() ? tokens.get(i + 1) : new Token(Kind.SYMBOL, "");
    }

    private static int closing(List<Token> tokens, int open, String openText, String closeText) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is(openText)) {
                depth++;
            } else if (tokens.get(i).is(closeText) && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced " + openText + " in " + join(tokens));
    }

    private static int opening(List<Token> tokens, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            if (tokens.get(i).is(")")) {
                depth++;
            } else if (tokens.get(i).is("(") && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced ) in " + join(tokens));
    }

    private static String join(List<Token> tokens) {
        StringBuilder b = new StringBuilder();
        for (Token t : tokens) {
            b.append(t.kind == Kind.STRING ? '"' + t.text.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : t.text)
                    .append(' ');
        }
        return b.toString();
    }

    private enum Kind { IDENT, STRING, NUMBER, SYMBOL }

    private record Token(Kind kind, String text) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    private static List<Token> tokenize(String expr) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'' || c == '`') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (expr.charAt(j) != c) {
                    if (expr.charAt(j) == '\\' && c != '`') {
                        j++;
                    }
                    value.append(expr.charAt(j++));
                }
                out.add(new Token(Kind.STRING, value.toString()));
                i = j + 1;
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int j = i;
                while (j < expr.length() && (Character.isLetterOrDigit(expr.charAt(j)) || expr.charAt(j) == '_'
                        || expr.charAt(j) == ':')) {
                    j++;
                }
                out.add(new Token(Kind.IDENT, expr.substring(i, j)));
                i = j;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < expr.length()
                    && Character.isDigit(expr.charAt(i + 1)))) {
                int j = i;
                while (j < expr.length() && (Character.isLetterOrDigit(expr.charAt(j)) || expr.charAt(j) == '.')) {
                    j++; // 0.95, 5m, 1e3
                }
                out.add(new Token(Kind.NUMBER, expr.substring(i, j)));
                i = j;
            } else if (i + 1 < expr.length() && Set.of("=~", "!~", "!=", "==", ">=", "<=")
                    .contains(expr.substring(i, i + 2))) {
                out.add(new Token(Kind.SYMBOL, expr.substring(i, i + 2)));
                i += 2;
            } else if (c == '$') { // a Grafana variable: $__rate_interval, ${var}
                int j = i + 1;
                while (j < expr.length() && (Character.isLetterOrDigit(expr.charAt(j)) || "_{}".indexOf(
                        expr.charAt(j)) >= 0)) {
                    j++;
                }
                out.add(new Token(Kind.NUMBER, expr.substring(i, j)));
                i = j;
            } else {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return out;
    }
}
