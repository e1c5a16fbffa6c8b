package io.ta.runtime.dsl;

/** A lexical token with its source range {@code [start, end)}. */
record Token(Kind kind, String text, int start, int end) {
    enum Kind {
        NUMBER, IDENT, STRING, LPAREN, RPAREN, COMMA, DOT, ASSIGN,
        PLUS, MINUS, STAR, SLASH, PERCENT, POW, GT, GE, LT, LE, EQ, NE,
        AND, OR, NOT, TRUE, FALSE, TIMEFRAME, EOF
    }

    String describe() {
        return switch (kind) {
            case EOF -> "end of input";
            case NUMBER -> "number " + text;
            case IDENT -> "name '" + text + "'";
            case STRING -> "text " + text;
            case TIMEFRAME -> "timeframe @" + text;
            default -> "'" + text + "'";
        };
    }
}
