package io.ta.spi;

import io.ta.annotation.Require;

/**
 * A cross-parameter rule {@code left op right} (e.g. {@code fast_period < slow_period}), checked before any bar.
 *
 * @param left the left parameter's catalog name
 * @param op the comparison that must hold
 * @param right the right parameter's catalog name
 */
public record RequireSpec(String left, Require.Op op, String right) {
    /** Whether {@code l op r} holds. */
    public boolean holds(double l, double r) {
        return switch (op) {
            case LT -> l < r;
            case LE -> l <= r;
            case GT -> l > r;
            case GE -> l >= r;
        };
    }

    @Override
    public String toString() {
        return left + " " + op.symbol() + " " + right;
    }
}
