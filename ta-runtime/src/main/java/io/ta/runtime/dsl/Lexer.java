package io.ta.runtime.dsl;

import io.ta.runtime.dsl.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits DSL text into tokens; {@code #} starts a comment to the end of the line. */
final class Lexer {
    private final String src;
    private int pos;

    Lexer(String src) {
        this.src = src;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= src.length()) {
                out.add(new Token(Kind.EOF, "", pos, pos));
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = pos;
        char c = src.charAt(pos);
        if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            return number(start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            String word = src.substring(start, pos);
            Kind k = switch (word) {
                case "and" -> Kind.AND;
                case "or" -> Kind.OR;
                case "not" -> Kind.NOT;
                case "true" -> Kind.TRUE;
                case "false" -> Kind.FALSE;
                default -> Kind.IDENT;
            };
            return new Token(k, word, start, pos);
        }
        if (c == '\'' || c == '"') {
            return string(start, c);
        }
        pos++;
        char n = pos < src.length() ? src.charAt(pos) : '\0';
        Kind k;
        switch (c) {
            case '(' -> k = Kind.LPAREN;
            case ')' -> k = Kind.RPAREN;
            case ',' -> k = Kind.COMMA;
            case '.' -> k = Kind.DOT;
            case '+' -> k = Kind.PLUS;
            case '-' -> k = Kind.MINUS;
            case '/' -> k = Kind.SLASH;
            case '%' -> k = Kind.PERCENT;
            case '*' -> {
                k = n == '*' ? Kind.POW : Kind.STAR;
                pos += n == '*' ? 1 : 0;
            }
            case '>' -> {
                k = n == '=' ? Kind.GE : Kind.GT;
                pos += n == '=' ? 1 : 0;
            }
            case '<' -> {
                k = n == '=' ? Kind.LE : Kind.LT;
                pos += n == '=' ? 1 : 0;
            }
            case '=' -> {
                k = n == '=' ? Kind.EQ : Kind.ASSIGN;
                pos += n == '=' ? 1 : 0;
            }
            case '!' -> {
                if (n != '=') {
                    throw new ParseException("unexpected '!'; write 'not x' for negation or '!=' for inequality", src, start);
                }
                k = Kind.NE;
                pos++;
            }
            case '&', '|' -> throw new ParseException(
                    "unexpected '" + c + "'; write '" + (c == '&' ? "and" : "or") + "'", src, start);
            default -> throw new ParseException("unexpected character '" + printable(c) + "'", src, start);
        }
        return new Token(k, src.substring(start, pos), start, pos);
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private Token number(int start) {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos < src.length() && src.charAt(pos) == '.' && !(pos + 1 < src.length() && Character.isLetter(src.charAt(pos + 1)))) {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
            throw new ParseException("a number cannot run into a name; put an operator or a space between them", src, pos);
        }
        return new Token(Kind.NUMBER, src.substring(start, pos), start, pos);
    }

    private Token string(int start, char quote) {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < src.length() && src.charAt(pos) != quote) {
            char c = src.charAt(pos++);
            if (c == '\\' && pos < src.length()) {
                sb.append(src.charAt(pos++));
            } else if (c == '\n') {
                throw new ParseException("text is not closed before the end of the line", src, start);
            } else {
                sb.append(c);
            }
        }
        if (pos >= src.length()) {
            throw new ParseException("text is not closed (missing " + quote + ")", src, start);
        }
        pos++;
        return new Token(Kind.STRING, sb.toString(), start, pos);
    }
}
