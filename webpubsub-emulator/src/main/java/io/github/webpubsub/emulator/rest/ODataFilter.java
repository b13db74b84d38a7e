package io.github.webpubsub.emulator.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

import io.github.webpubsub.emulator.hub.ClientConnection;

/**
 * The OData filter subset of the REST API, over {@code userId}, {@code connectionId} and {@code groups}: comparisons
 * ({@code eq ne gt ge lt le}), {@code and or not}, parentheses, {@code in} (a list, or {@code 'g' in groups}), string
 * literals with {@code ''} escapes, {@code null}, and the functions {@code tolower toupper trim length indexof
 * substring concat startswith endswith contains}. String comparisons ignore case, as the service's do.
 */
public final class ODataFilter {

    private final List<String> tokens;
    private int pos;

    private ODataFilter(String text) {
        this.tokens = tokenize(text);
    }

    /**
     * Parses a filter.
     *
     * @throws IllegalArgumentException with what is wrong and where
     */
    public static Predicate<ClientConnection> parse(String text) {
        ODataFilter parser = new ODataFilter(text);
        Node node = parser.or();
        if (parser.pos != parser.tokens.size()) {
            throw new IllegalArgumentException("Unexpected '" + parser.tokens.get(parser.pos) + "' in filter.");
        }
        return c -> Boolean.TRUE.equals(node.eval(c));
    }

    @FunctionalInterface
    private interface Node {
        Object eval(ClientConnection c);
    }

    private Node or() {
        Node left = and();
        while (accept("or")) {
            Node l = left;
            Node r = and();
            left = c -> truth(l.eval(c)) || truth(r.eval(c));
        }
        return left;
    }

    private Node and() {
        Node left = unary();
        while (accept("and")) {
            Node l = left;
            Node r = unary();
            left = c -> truth(l.eval(c)) && truth(r.eval(c));
        }
        return left;
    }

    private Node unary() {
        if (accept("not")) {
            Node inner = unary();
            return c -> !truth(inner.eval(c));
        }
        return comparison();
    }

    private Node comparison() {
        Node left = operand();
        String op = peek();
        if (op == null) {
            return left;
        }
        switch (op.toLowerCase(Locale.ROOT)) {
            case "eq", "ne", "gt", "ge", "lt", "le" -> {
                pos++;
                Node right = operand();
                String o = op.toLowerCase(Locale.ROOT);
                return c -> compare(o, left.eval(c), right.eval(c));
            }
            case "in" -> {
                pos++;
                Node right = "(".equals(peek()) ? list() : operand();
                return c -> contains(right.eval(c), left.eval(c));
            }
            default -> {
                return left;
            }
        }
    }

    private Node list() {
        expect("(");
        List<Node> items = new ArrayList<>();
        if (!accept(")")) {
            do {
                items.add(operand());
            } while (accept(","));
            expect(")");
        }
        return c -> items.stream().map(n -> n.eval(c)).toList();
    }

    private Node operand() {
        String t = next();
        if (t.equals("(")) {
            Node inner = or();
            expect(")");
            return inner;
        }
        if (t.startsWith("'")) {
            String value = t.substring(1, t.length() - 1).replace("''", "'");
            return c -> value;
        }
        if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-') {
            long value = Long.parseLong(t);
            return c -> value;
        }
        switch (t.toLowerCase(Locale.ROOT)) {
            case "null" -> {
                return c -> null;
            }
            case "true", "false" -> {
                boolean value = Boolean.parseBoolean(t);
                return c -> value;
            }
            case "userid" -> {
                return ClientConnection::userId;
            }
            case "connectionid" -> {
                return ClientConnection::id;
            }
            case "groups" -> {
                return ClientConnection::groups;
            }
            default -> {
                return function(t);
            }
        }
    }

    private Node function(String name) {
        if (!"(".equals(peek())) {
            throw new IllegalArgumentException("Unknown identifier '" + name + "' in filter: use userId, connectionId or groups.");
        }
        pos++;
        List<Node> args = new ArrayList<>();
        if (!accept(")")) {
            do {
                args.add(or());
            } while (accept(","));
            expect(")");
        }
        String f = name.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "tolower" -> c -> map(args.get(0).eval(c), s -> s.toLowerCase(Locale.ROOT));
            case "toupper" -> c -> map(args.get(0).eval(c), s -> s.toUpperCase(Locale.ROOT));
            case "trim" -> c -> map(args.get(0).eval(c), String::trim);
            case "length" -> c -> args.get(0).eval(c) instanceof String s ? (Object) (long) s.length() : null;
            case "indexof" -> c -> str(args.get(0).eval(c)).toLowerCase(Locale.ROOT).indexOf(str(args.get(1).eval(c)).toLowerCase(Locale.ROOT));
            case "concat" -> c -> str(args.get(0).eval(c)) + str(args.get(1).eval(c));
            case "startswith" -> c -> str(args.get(0).eval(c)).toLowerCase(Locale.ROOT).startsWith(str(args.get(1).eval(c)).toLowerCase(Locale.ROOT));
            case "endswith" -> c -> str(args.get(0).eval(c)).toLowerCase(Locale.ROOT).endsWith(str(args.get(1).eval(c)).toLowerCase(Locale.ROOT));
            case "contains" -> c -> str(args.get(0).eval(c)).toLowerCase(Locale.ROOT).contains(str(args.get(1).eval(c)).toLowerCase(Locale.ROOT));
            case "substring" -> c -> substring(str(args.get(0).eval(c)), (Long) args.get(1).eval(c),
                    args.size() > 2 ? (Long) args.get(2).eval(c) : null);
            default -> throw new IllegalArgumentException("Unknown function '" + name + "' in filter.");
        };
    }

    private static Object map(Object value, java.util.function.UnaryOperator<String> f) {
        return value instanceof String s ? f.apply(s) : null;
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String substring(String s, Long start, Long length) {
        int from = (int) Math.min(Math.max(0, start), s.length());
        int to = length == null ? s.length() : (int) Math.min(s.length(), from + Math.max(0, length));
        return s.substring(from, to);
    }

    private static boolean truth(Object value) {
        return Boolean.TRUE.equals(value);
    }

    private static boolean contains(Object collection, Object item) {
        if (!(collection instanceof List<?> list)) {
            return false;
        }
        return list.stream().anyMatch(e -> compare("eq", e, item));
    }

    private static boolean compare(String op, Object a, Object b) {
        if (op.equals("eq") || op.equals("ne")) {
            boolean equal = a instanceof String sa && b instanceof String sb ? sa.equalsIgnoreCase(sb) : Objects.equals(a, b);
            return op.equals("eq") == equal;
        }
        if (a == null || b == null) {
            return false;
        }
        int cmp = a instanceof Long la && b instanceof Long lb ? Long.compare(la, lb)
                : str(a).compareToIgnoreCase(str(b));
        return switch (op) {
            case "gt" -> cmp > 0;
            case "ge" -> cmp >= 0;
            case "lt" -> cmp < 0;
            default -> cmp <= 0;
        };
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("The filter ends too early.");
        }
        return tokens.get(pos++);
    }

    private boolean accept(String token) {
        if (token.equalsIgnoreCase(peek())) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException("Expected '" + token + "' in filter" + (peek() == null ? " at the end." : " before '" + peek() + "'."));
        }
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '(' || ch == ')' || ch == ',') {
                out.add(String.valueOf(ch));
                i++;
            } else if (ch == '\'') {
                int j = i + 1;
                while (true) {
                    if (j >= text.length()) {
                        throw new IllegalArgumentException("Unterminated string literal in filter.");
                    }
                    if (text.charAt(j) == '\'') {
                        if (j + 1 < text.length() && text.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                out.add(text.substring(i, j + 1));
                i = j + 1;
            } else if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '-') {
                int j = i;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_'
                        || text.charAt(j) == '.' || (j == i && text.charAt(j) == '-'))) {
                    j++;
                }
                out.add(text.substring(i, j));
                i = j;
            } else {
                throw new IllegalArgumentException("Unexpected character '" + ch + "' in filter.");
            }
        }
        return out;
    }
}
