package io.ta.runtime.dsl;

import io.ta.runtime.dsl.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits DSL text into tokens; {@code #} starts a comment to the end of the line. Numbers are ASCII only
 * ({@code 0-9}, an optional fraction and exponent): a digit of another script ({@code ١٤}, full-width {@code １４})
 * is an error pointing at it rather than a number read in a way the user may not expect. Names start with a letter
 * (any script) or {@code _} and continue with letters, ASCII digits and {@code _}.
 */
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
            Token previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && previous.kind() == Kind.DOT && previous.end() == pos && digitAt(pos)
                    && out.size() >= 2 && follows(out.get(out.size() - 2))) {
                out.add(suffix());
            } else if (src.charAt(pos) == '.' && digitAt(pos + 1) && previous != null && previous.end() == pos && follows(previous)
                    && suffixAhead(pos + 1)) {
                out.add(new Token(Kind.DOT, ".", pos, ++pos));
            } else {
                out.add(next());
            }
        }
    }

    /** Whether a time suffix ({@code .24h_ago}) may follow this token: a name, a call or a timeframe. */
    private static boolean follows(Token t) {
        return t.kind() == Kind.IDENT || t.kind() == Kind.RPAREN || t.kind() == Kind.TIMEFRAME;
    }

    /** Whether digits at {@code i} run straight into a letter: {@code 24h_ago}, not the number {@code .5}. */
    private boolean suffixAhead(int i) {
        while (digitAt(i)) {
            i++;
        }
        return i < src.length() && Character.isLetter(src.charAt(i));
    }

    /** A time suffix after {@code .}: digits, then name characters ({@code 24h_ago}), as a name. */
    private Token suffix() {
        int start = pos;
        while (nameCharAt(pos)) {
            pos += Character.charCount(src.codePointAt(pos));
        }
        return new Token(Kind.IDENT, src.substring(start, pos), start, pos);
    }

    /** {@code @} and a timeframe: a count and an optional unit letter ({@code @1w}, {@code @15m}, {@code @5}). */
    private Token timeframe(int start) {
        pos++;
        int from = pos;
        while (digitAt(pos)) {
            pos++;
        }
        if (pos == from) {
            throw new ParseException("expected a timeframe after '@', e.g. @1w, @4h, @15m or @5 (bars)", src, pos);
        }
        while (pos < src.length() && src.charAt(pos) < 128 && Character.isLetter(src.charAt(pos))) {
            pos++;
        }
        noForeignDigit(pos);
        if (nameCharAt(pos)) {
            throw new ParseException("a timeframe is a count and one unit letter (s m h d w M Q y), e.g. @1w", src, pos);
        }
        return new Token(Kind.TIMEFRAME, src.substring(from, pos), start, pos);
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    private boolean digitAt(int i) {
        return i < src.length() && digit(src.charAt(i));
    }

    private boolean nameCharAt(int i) {
        if (i >= src.length()) {
            return false;
        }
        int c = src.codePointAt(i);
        return Character.isLetter(c) || digit(c) || c == '_';
    }

    /** Refuses a digit of another script where a number or a name goes on. */
    private void noForeignDigit(int i) {
        int c = i < src.length() ? src.codePointAt(i) : '0';
        if (Character.isDigit(c) && !digit(c)) {
            throw new ParseException("'" + Character.toString(c) + "' (" + codePoint(c) + ") is not an ASCII digit; write numbers with 0-9",
                    src, i);
        }
    }

    private Token next() {
        int start = pos;
        char c = src.charAt(pos);
        noForeignDigit(pos);
        if (digit(c) || (c == '.' && digitAt(pos + 1))) {
            return number(start);
        }
        int cp = src.codePointAt(pos);
        if (Character.isLetter(cp) || c == '_') {
            while (nameCharAt(pos)) {
                pos += Character.charCount(src.codePointAt(pos));
            }
            noForeignDigit(pos);
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
        if (c == '@') {
            return timeframe(start);
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
            default -> throw new ParseException("unexpected character " + printable(src.codePointAt(start)), src, start);
        }
        return new Token(k, src.substring(start, pos), start, pos);
    }

    /** {@code '$'}, {@code 'é' (U+00E9)}, or just {@code U+0007} for characters that do not print. */
    private static String printable(int c) {
        if (c >= 0x20 && c <= 0x7e) {
            return "'" + (char) c + "'";
        }
        boolean visible = !Character.isISOControl(c) && Character.isDefined(c) && !Character.isWhitespace(c)
                && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.SURROGATE;
        return visible ? "'" + Character.toString(c) + "' (" + codePoint(c) + ")" : codePoint(c);
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    private Token number(int start) {
        while (digitAt(pos)) {
            pos++;
        }
        // A letter after the point starts an output or a method (2.exp()), unless it is an exponent: 2.e3 is 2000.
        if (pos < src.length() && src.charAt(pos) == '.' && (exponentAt(pos + 1)
                || !(pos + 1 < src.length() && Character.isLetter(src.codePointAt(pos + 1))))) {
            pos++;
            while (digitAt(pos)) {
                pos++;
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (digitAt(pos)) {
                while (digitAt(pos)) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        noForeignDigit(pos);
        if (pos < src.length() && (Character.isLetter(src.codePointAt(pos)) || src.charAt(pos) == '_')) {
            throw new ParseException("a number cannot run into a name; put an operator or a space between them", src, pos);
        }
        return new Token(Kind.NUMBER, src.substring(start, pos), start, pos);
    }

    /** Whether an exponent starts at {@code i}: {@code e} or {@code E}, an optional sign, and a digit. */
    private boolean exponentAt(int i) {
        if (i >= src.length() || (src.charAt(i) != 'e' && src.charAt(i) != 'E')) {
            return false;
        }
        int digit = i + 1 < src.length() && (src.charAt(i + 1) == '+' || src.charAt(i + 1) == '-') ? i + 2 : i + 1;
        return digitAt(digit);
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
