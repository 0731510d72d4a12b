package com.scratch.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Strings made from a schema pattern, so that tests follow the pattern when it changes. Reads the simple kind our
 * schema uses: anchored at both ends; literals, character classes, groups; {@code ? * + {n} {n,m}}. Anything else
 * fails loudly rather than being sampled wrongly.
 *
 * <p>{@link #around} changes one piece of a matching value at a time: to that piece's shortest and longest form,
 * one repeat fewer or more than allowed, a character just outside its class. Whether a change still matches is
 * for the validator under test to say; the samples only have to land on and around the edges.
 */
final class PatternSamples {

    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private sealed interface Atom permits Chars, Group {
    }

    /** A literal or a character class: the characters it accepts, in order. */
    private record Chars(String members) implements Atom {

        /** The neighbours of each range, the other case of the first and last member, a space, a non-ASCII letter. */
        Set<Character> outside() {
            Set<Character> candidates = new LinkedHashSet<>();
            for (char member : members.toCharArray()) {
                candidates.add((char) (member - 1));
                candidates.add((char) (member + 1));
            }
            candidates.add(otherCase(members.charAt(0)));
            candidates.add(otherCase(members.charAt(members.length() - 1)));
            candidates.add(' ');
            candidates.add('é');
            candidates.removeIf(c -> members.indexOf(c) >= 0 || Character.isISOControl(c));
            return candidates;
        }

        private static char otherCase(char c) {
            return Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        }
    }

    private record Group(List<Piece> pieces) implements Atom {
    }

    /** An atom and how often it may repeat; {@code source} is its text in the pattern. */
    private record Piece(Atom atom, int min, int max, String source) {
    }

    /** How to write a piece: how many repeats, which member of a class. */
    private interface Choice {
        int count(Piece piece);

        char member(String members);
    }

    private static final Choice SHORTEST = new Choice() {
        public int count(Piece piece) {
            return piece.min();
        }

        public char member(String members) {
            return members.charAt(0);
        }
    };

    private static final Choice LONGEST = new Choice() {
        public int count(Piece piece) {
            return piece.max() == UNBOUNDED ? piece.min() + 3 : piece.max();
        }

        public char member(String members) {
            return members.charAt(members.length() - 1);
        }
    };

    private final String pattern;
    private final List<Piece> pieces;

    private PatternSamples(String pattern) {
        if (!pattern.startsWith("^") || !pattern.endsWith("$") || pattern.endsWith("\\$")) {
            throw new IllegalArgumentException("Only patterns anchored at both ends are sampled: " + pattern);
        }
        this.pattern = pattern;
        this.pieces = new Parser(pattern.substring(1, pattern.length() - 1)).wholeSequence();
    }

    static PatternSamples of(String pattern) {
        return new PatternSamples(pattern);
    }

    /** Variations of {@code value}, which must match, by what was changed. */
    Map<String, String> around(String value) {
        Map<String, String> samples = new LinkedHashMap<>();
        vary(pieces, value, "", "", samples);
        samples.put("a line break after it", value + "\n");
        return samples;
    }

    /** A random match. */
    String random(Random random) {
        return write(pieces, new Choice() {
            public int count(Piece piece) {
                int most = LONGEST.count(piece);
                return piece.min() + random.nextInt(most - piece.min() + 1);
            }

            public char member(String members) {
                return members.charAt(random.nextInt(members.length()));
            }
        });
    }

    private void vary(List<Piece> sequence, String value, String before, String after, Map<String, String> samples) {
        Matcher spans = spans(sequence, value);
        for (int i = 0; i < sequence.size(); i++) {
            Piece piece = sequence.get(i);
            String span = spans.group("p" + i);
            String head = before + value.substring(0, spans.start("p" + i));
            String tail = value.substring(spans.end("p" + i)) + after;
            String name = piece.source() + " at char " + head.length();
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("at its shortest", write(piece, SHORTEST.count(piece), SHORTEST));
            changes.put("at its longest", write(piece, LONGEST.count(piece), LONGEST));
            if (piece.min() > 0) {
                changes.put("once too few", write(piece, piece.min() - 1, SHORTEST));
            }
            if (piece.max() != UNBOUNDED) {
                changes.put("once too many", write(piece, piece.max() + 1, SHORTEST));
            }
            if (piece.atom() instanceof Chars chars) {
                for (char outside : chars.outside()) {
                    String changed = span.isEmpty() ? String.valueOf(outside) : outside + span.substring(1);
                    changes.put("with '" + outside + "'", changed);
                }
            } else if (piece.atom() instanceof Group group && spans(group.pieces(), span) != null) {
                vary(group.pieces(), span, head, tail, samples);
            }
            // a change that gives back the span itself tests nothing new
            changes.forEach((change, written) -> {
                if (!written.equals(span)) {
                    samples.put(name + " " + change, head + written + tail);
                }
            });
        }
    }

    /** Where each piece of the sequence sits in the value, as named groups p0, p1, ...; null when no match. */
    private Matcher spans(List<Piece> sequence, String value) {
        String captured = IntStream.range(0, sequence.size())
                .mapToObj(i -> "(?<p" + i + ">" + sequence.get(i).source() + ")")
                .collect(Collectors.joining());
        Matcher matcher = Pattern.compile(captured).matcher(value);
        if (matcher.matches()) {
            return matcher;
        }
        if (sequence == pieces) {
            throw new IllegalArgumentException("'" + value + "' does not match " + pattern);
        }
        return null;
    }

    private static String write(List<Piece> sequence, Choice choice) {
        StringBuilder text = new StringBuilder();
        sequence.forEach(piece -> text.append(write(piece, choice.count(piece), choice)));
        return text.toString();
    }

    private static String write(Piece piece, int count, Choice choice) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(piece.atom() instanceof Chars chars
                    ? String.valueOf(choice.member(chars.members()))
                    : write(((Group) piece.atom()).pieces(), choice));
        }
        return text.toString();
    }

    /** Recursive descent over the supported subset. */
    private static final class Parser {
        private final String regex;
        private int at;

        Parser(String regex) {
            this.regex = regex;
        }

        List<Piece> wholeSequence() {
            List<Piece> sequence = sequence();
            if (at != regex.length()) {
                throw unsupported();
            }
            return sequence;
        }

        private List<Piece> sequence() {
            List<Piece> sequence = new ArrayList<>();
            while (at < regex.length() && regex.charAt(at) != ')') {
                int start = at;
                Atom atom = atom();
                int[] repeats = repeats();
                sequence.add(new Piece(atom, repeats[0], repeats[1], regex.substring(start, at)));
            }
            return sequence;
        }

        private Atom atom() {
            char c = regex.charAt(at++);
            switch (c) {
                case '(' -> {
                    List<Piece> inner = sequence();
                    expect(')');
                    return new Group(inner);
                }
                case '[' -> {
                    return characterClass();
                }
                case '\\' -> {
                    return new Chars(escaped());
                }
                case '.', '|', '^', '$', '*', '+', '?', '{', ')' -> throw unsupported();
                default -> {
                    return new Chars(String.valueOf(c));
                }
            }
        }

        private Chars characterClass() {
            if (regex.charAt(at) == '^') {
                throw unsupported();
            }
            TreeSet<Character> members = new TreeSet<>();
            while (regex.charAt(at) != ']') {
                char from = regex.charAt(at++);
                if (from == '\\') {
                    escaped().chars().forEach(c -> members.add((char) c));
                } else if (regex.charAt(at) == '-' && regex.charAt(at + 1) != ']') {
                    char to = regex.charAt(at + 1);
                    at += 2;
                    for (char c = from; c <= to; c++) {
                        members.add(c);
                    }
                } else {
                    members.add(from);
                }
            }
            at++;
            return new Chars(members.stream().map(String::valueOf).collect(Collectors.joining()));
        }

        private String escaped() {
            char c = regex.charAt(at++);
            if (c == 'd') {
                return "0123456789";
            }
            if (Character.isLetterOrDigit(c)) {
                throw unsupported();
            }
            return String.valueOf(c);
        }

        private int[] repeats() {
            if (at == regex.length()) {
                return new int[] {1, 1};
            }
            switch (regex.charAt(at)) {
                case '?' -> {
                    at++;
                    return new int[] {0, 1};
                }
                case '*' -> {
                    at++;
                    return new int[] {0, UNBOUNDED};
                }
                case '+' -> {
                    at++;
                    return new int[] {1, UNBOUNDED};
                }
                case '{' -> {
                    int close = regex.indexOf('}', at);
                    String[] bounds = regex.substring(at + 1, close).split(",", -1);
                    at = close + 1;
                    int min = Integer.parseInt(bounds[0]);
                    int max = bounds.length == 1 ? min : bounds[1].isEmpty() ? UNBOUNDED : Integer.parseInt(bounds[1]);
                    return new int[] {min, max};
                }
                default -> {
                    return new int[] {1, 1};
                }
            }
        }

        private void expect(char c) {
            if (at >= regex.length() || regex.charAt(at++) != c) {
                throw unsupported();
            }
        }

        private IllegalArgumentException unsupported() {
            return new IllegalArgumentException("Pattern outside what PatternSamples reads, at " + at + ": " + regex);
        }
    }
}
