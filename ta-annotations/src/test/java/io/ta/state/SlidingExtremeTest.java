package io.ta.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link SlidingExtreme} against the definition, window by window: the value as {@link Math#max} (or {@link Math#min})
 * folds the window's finite values, the position as the doubles' {@code ==} has the ties (±0 equal), whenever the
 * positions are first asked for — from the start, late, inside a mark that is then rewound, or after a snapshot — or
 * kept on every push ({@link SlidingExtreme#pushKeepingPositions}).
 */
class SlidingExtremeTest {
    /** Ties, signed zeros, extremes of the range and missing values, on windows of 1 to 9 values. */
    private static final double[] POOL = {0.0, -0.0, 0.0, -0.0, 1.0, 1.0, -1.0, 2.5, -2.5, 1e300, -1e300, 4.9e-324,
        -4.9e-324, Double.NaN};

    private static final String[] KINDS = {"max", "min", "maxOldestWins", "minOldestWins"};

    private static IntFunction<SlidingExtreme> factory(String kind) {
        return switch (kind) {
            case "max" -> SlidingExtreme::max;
            case "min" -> SlidingExtreme::min;
            case "maxOldestWins" -> SlidingExtreme::maxOldestWins;
            default -> SlidingExtreme::minOldestWins;
        };
    }

    /** The window's extreme by {@code Math.max}/{@code Math.min} over its finite values; NaN if one is missing. */
    private static double value(double[] x, int from, int to, boolean max) {
        double e = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int j = from; j < to; j++) {
            if (Double.isNaN(x[j])) {
                return Double.NaN;
            }
            e = max ? Math.max(e, x[j]) : Math.min(e, x[j]);
        }
        return e;
    }

    /** The newest (or oldest) position whose value {@code ==} the extreme. */
    private static long index(double[] x, int from, int to, double extreme, boolean newestWins) {
        long at = -1;
        for (int j = from; j < to; j++) {
            if (x[j] == extreme && (newestWins || at < 0)) {
                at = j;
            }
        }
        return at;
    }

    /** One trial: a kind of part, its window and the values a stream commits, each from the pool. */
    private record Trial(String kind, int window, double[] x) {
        /** Trial {@code t}: windows of 1 to 9 values, 5 to 64 pushes, NaN in every draw or in a quarter of them. */
        static Trial draw(SplittableRandom r, int t, boolean rareMissing) {
            int window = 1 + r.nextInt(9);
            double[] x = new double[5 + r.nextInt(60)];
            for (int i = 0; i < x.length; i++) {
                x[i] = POOL[r.nextInt(POOL.length - (rareMissing && r.nextInt(4) != 0 ? 1 : 0))];
            }
            return new Trial(KINDS[t % KINDS.length], window, x);
        }

        SlidingExtreme part() {
            return factory(kind).apply(window);
        }

        /** After push {@code i}: the value as the definition has it, and the position too if {@code positions}. */
        void check(SlidingExtreme part, int i, boolean positions, String where) {
            int from = Math.max(0, i + 1 - window);
            double expected = value(x, from, i + 1, kind.startsWith("max"));
            String at = kind + " window " + window + " push " + i + where;
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(part.value()),
                    at + ": value " + part.value() + ", expected " + expected);
            if (positions && !Double.isNaN(expected)) {
                assertEquals(index(x, from, i + 1, expected, !kind.endsWith("OldestWins")), part.index(), at);
            }
        }
    }

    /** A push, keeping positions on every one if {@code keeping}, as a kernel that reads them does. */
    private static void push(SlidingExtreme part, double x, boolean keeping) {
        if (keeping) {
            part.pushKeepingPositions(x);
        } else {
            part.push(x);
        }
    }

    @Test
    void valuesAndPositionsFollowTheDefinitionWheneverPositionsAreFirstAskedFor() {
        SplittableRandom r = new SplittableRandom(20261203);
        for (int t = 0; t < 4_000; t++) {
            Trial trial = Trial.draw(r, t, true);
            int n = trial.x().length;
            boolean keeping = r.nextInt(3) == 0;
            int askFrom = keeping ? 0 : r.nextInt(n + 1);
            int restoreAt = r.nextInt(2 * n);
            SlidingExtreme part = trial.part();
            SlidingExtreme.Mark mark = part.newMark();
            for (int i = 0; i < n; i++) {
                if (r.nextInt(3) == 0) {
                    // A preview: a push past a mark, its position perhaps asked for, then rewound.
                    part.mark(mark);
                    push(part, POOL[r.nextInt(POOL.length)], keeping);
                    if (r.nextBoolean()) {
                        part.index();
                    }
                    part.rewind(mark);
                }
                if (i == restoreAt) {
                    StateWriter w = new StateWriter();
                    part.write(w);
                    part = trial.part();
                    part.read(new StateReader("test", w.toArray()));
                }
                push(part, trial.x()[i], keeping);
                trial.check(part, i, i >= askFrom, keeping ? " keeping positions" : " asked from " + askFrom);
            }
        }
    }

    /**
     * A stream's calls: a mark before every update, a preview (a second push past it, rewound), and a replaceLast that
     * rewinds the update past the preview's push and pushes again. The mark keeps only the count and the prefix; the
     * rewind derives the rest, missing values included, so the values most likely to break it are the pool's NaN.
     */
    @Test
    void updatesPreviewsAndReplacedBarsGiveTheDefinitionsWindowBack() {
        SplittableRandom r = new SplittableRandom(20261204);
        for (int t = 0; t < 4_000; t++) {
            Trial trial = Trial.draw(r, t, false);
            boolean positions = r.nextBoolean();
            boolean keeping = positions && r.nextBoolean();
            SlidingExtreme part = trial.part();
            SlidingExtreme.Mark last = part.newMark();
            SlidingExtreme.Mark probe = part.newMark();
            for (int i = 0; i < trial.x().length; i++) {
                part.mark(last);
                push(part, POOL[r.nextInt(POOL.length)], keeping);
                for (int k = r.nextInt(3); k > 0; k--) {
                    // Previews of the next bar, then the bar replaced: twice past the update's mark.
                    part.mark(probe);
                    push(part, POOL[r.nextInt(POOL.length)], keeping);
                    part.rewind(probe);
                    part.rewind(last);
                    push(part, r.nextInt(4) == 0 ? trial.x()[i] : POOL[r.nextInt(POOL.length)], keeping);
                }
                part.rewind(last);
                push(part, trial.x()[i], keeping);
                trial.check(part, i, positions, keeping ? " keeping positions" : "");
            }
        }
    }
}
