package com.scratch.emulators.dynamodb;

import com.scratch.emulators.internal.RejectedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of one condition or update expression, and a cursor over them for the parsers. Keywords
 * ({@code AND}, {@code SET}, ...) are read case-insensitively, as DynamoDB reads them.
 */
final class ExpressionTokens {

    enum Kind { NAME_REF, VALUE_REF, WORD, NUMBER, COMPARATOR, OPEN, CLOSE, COMMA, DOT, OPEN_BRACKET, CLOSE_BRACKET, PLUS, MINUS, END }

    record Token(Kind kind, String text, int start) {
        boolean isWord(String keyword) {
            return kind == Kind.WORD && text.toUpperCase(Locale.ROOT).equals(keyword);
        }
    }

    private final String source;
    private final ExpressionAttributes attributes;
    private final List<Token> tokens = new ArrayList<>();
    private int position;

    ExpressionTokens(String source, ExpressionAttributes attributes) {
        this.source = source;
        this.attributes = attributes;
        tokenize();
    }

    Token peek() {
        return tokens.get(position);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Kind.END) {
            position++;
        }
        return token;
    }

    Token expect(Kind kind) {
        Token token = next();
        if (token.kind() != kind) {
            throw syntaxError(token);
        }
        return token;
    }

    /**
     * The next token as a top-level attribute name: {@code #name} or a plain name that is no reserved word. A nested
     * document path ({@code a.b}, {@code a[0]}) is refused as unsupported, with {@code supported} saying what is.
     */
    String topLevelPath(String supported) {
        Token token = next();
        String attribute = switch (token.kind()) {
            case NAME_REF -> attributes.name(token.text());
            case WORD -> attributes.plainName(token.text());
            default -> throw syntaxError(token);
        };
        Kind after = peek().kind();
        if (after == Kind.DOT || after == Kind.OPEN_BRACKET) {
            throw attributes.invalid("the nested document path " + token.text() + peek().text() + "..."
                    + " is not supported by DynamoDbEmulator (" + supported + ")");
        }
        return attribute;
    }

    /** DynamoDB's wording: {@code Syntax error; token: ")", near: "(a)"}, near being the token with its neighbours. */
    RejectedRequest syntaxError(Token token) {
        int index = tokens.indexOf(token);
        int from = index > 0 ? tokens.get(index - 1).start() : token.start();
        int to = index + 1 < tokens.size() ? end(tokens.get(index + 1)) : end(token);
        String shown = token.kind() == Kind.END ? "<EOF>" : token.text();
        return attributes.invalid("Syntax error; token: \"" + shown + "\", near: \"" + source.substring(from, to) + "\"");
    }

    private int end(Token token) {
        return token.start() + token.text().length();
    }

    private void tokenize() {
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            Kind kind;
            if (c == '#' || c == ':') {
                i = wordEnd(i + 1);
                kind = c == '#' ? Kind.NAME_REF : Kind.VALUE_REF;
            } else if (Character.isLetter(c) || c == '_') {
                i = wordEnd(i);
                kind = Kind.WORD;
            } else if (Character.isDigit(c)) {
                while (i < source.length() && Character.isDigit(source.charAt(i))) {
                    i++;
                }
                kind = Kind.NUMBER;
            } else if (c == '<' || c == '>' || c == '=') {
                i++;
                if (i < source.length() && c != '=' && (source.charAt(i) == '=' || c == '<' && source.charAt(i) == '>')) {
                    i++;
                }
                kind = Kind.COMPARATOR;
            } else {
                i++;
                kind = switch (c) {
                    case '(' -> Kind.OPEN;
                    case ')' -> Kind.CLOSE;
                    case ',' -> Kind.COMMA;
                    case '.' -> Kind.DOT;
                    case '[' -> Kind.OPEN_BRACKET;
                    case ']' -> Kind.CLOSE_BRACKET;
                    case '+' -> Kind.PLUS;
                    case '-' -> Kind.MINUS;
                    default -> throw attributes.invalid("Syntax error; token: \"" + c + "\", near: \""
                            + source.substring(Math.max(0, start - 1), Math.min(source.length(), start + 2)) + "\"");
                };
            }
            tokens.add(new Token(kind, source.substring(start, i), start));
        }
        tokens.add(new Token(Kind.END, "", source.length()));
    }

    private int wordEnd(int from) {
        int i = from;
        while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
            i++;
        }
        return i;
    }
}
