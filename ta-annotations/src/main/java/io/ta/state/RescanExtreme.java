package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;

/**
 * The position of the maximum (or minimum) of the last {@code window} pushed values under TA-Lib's tie rule
 * (MAXINDEX, MININDEX, MINMAXINDEX), in O(1) amortized time per push.
 *
 * <p>TA-Lib holds one extreme. A new value equal to (or beyond) the held one takes over, so a tie goes to the newest
 * value; but when the held value leaves the window TA-Lib rescans the window oldest-first with a strict comparison,
 * so that tie goes to the <em>oldest</em> equal value — which then stays held until a new equal value arrives or it
 * leaves. {@link SlidingExtreme} alone always reports one tie rule; this part keeps TA-Lib's held index exactly and
 * answers TA-Lib's O(window) rescan in O(1) with a {@link SlidingExtreme#maxOldestWins} (or
 * {@link SlidingExtreme#minOldestWins}) over the same values.
 *
 * <p>The held extreme exists from the first full window on (as in TA-Lib, whose first output rescans the first
 * window). A non-finite push occupies its place but never wins; while one is inside the window {@link #hasMissing()}
 * is true and the index names the extreme of the finite values. Contract: at most one push per kernel step.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class RescanExtreme implements StatePart<RescanExtreme.Mark> {
    private static final long TIED_MISSING = SlidingExtreme.tie(SlidingExtreme.MISSING);
    private final int window;
    private final SlidingExtreme oldest;
    /** The held extreme's key as {@link SlidingExtreme#order} has it, with −0 made +0 ({@link SlidingExtreme#tie}). */
    private long heldKey = TIED_MISSING;
    private long heldIndex = -1;

    /**
     * The position of the maximum of the last {@code window} values (MAXINDEX).
     *
     * @param window the number of values the maximum is taken over, at least 1
     * @return an empty window
     */
    public static RescanExtreme max(int window) {
        return new RescanExtreme(window, SlidingExtreme.maxOldestWins(window));
    }

    /**
     * The position of the minimum of the last {@code window} values (MININDEX).
     *
     * @param window the number of values the minimum is taken over, at least 1
     * @return an empty window
     */
    public static RescanExtreme min(int window) {
        return new RescanExtreme(window, SlidingExtreme.minOldestWins(window));
    }

    private RescanExtreme(int window, SlidingExtreme oldest) {
        this.window = window;
        this.oldest = oldest;
    }

    /** Adds the next value; the value {@code window} pushes back leaves. */
    public void push(double x) {
        // Positions kept from the first push: every rescan reads one, and the plain push would test on every bar
        // whether they are kept. The key compared is the one the window stored, with −0 made +0 as TA-Lib's doubles
        // compare, so that a value is tested for missing once a push, in the window (minmaxindex's step 3,280 ->
        // 2,840 bytes, its batch 0.85-0.88 of before).
        long v = SlidingExtreme.tie(oldest.pushKept(x));
        long seq = oldest.count();
        if (seq < window) {
            return; // TA-Lib holds nothing before the first full window
        }
        if (heldIndex < seq - window) {
            // The held extreme left (or there is none yet): TA-Lib rescans oldest-first, strict comparison.
            heldIndex = oldest.index();
            heldKey = SlidingExtreme.tie(oldest.extremeKey());
        } else if (v >= heldKey) {
            heldKey = v;
            heldIndex = seq - 1;
        }
    }

    /** Pushes so far. */
    public long count() {
        return oldest.count();
    }

    /** Whether {@link #count()} has reached the window size. */
    public boolean isFull() {
        return oldest.isFull();
    }

    /** Whether a non-finite value is inside the current window. */
    public boolean hasMissing() {
        return oldest.hasMissing();
    }

    /**
     * The push index (0-based) of the extreme TA-Lib holds. Defined once {@link #isFull()}; names a finite value only
     * while {@link #hasMissing()} is false.
     */
    public long index() {
        return heldIndex;
    }

    /** The held extreme's value; NaN before the window is full or while a missing value is inside it. */
    public double value() {
        if (!isFull() || hasMissing()) {
            return Double.NaN;
        }
        return oldest.value();
    }

    @Override
    public Mark newMark() {
        return new Mark(oldest.newMark());
    }

    @Override
    public void mark(Mark m) {
        oldest.mark(m.oldest);
        m.heldKey = heldKey;
        m.heldIndex = heldIndex;
    }

    @Override
    public void rewind(Mark m) {
        oldest.rewind(m.oldest);
        heldKey = m.heldKey;
        heldIndex = m.heldIndex;
    }

    /** The values (as {@link SlidingExtreme} writes them) and the held index; the held key is derived. */
    @Override
    public void write(StateWriter out) {
        oldest.write(out);
        out.putLong(heldIndex);
    }

    /**
     * Reads the values and the held index, which must name a push inside the window holding the window's extreme
     * (TA-Lib's held value is always one of them); before the first full window nothing may be held.
     */
    @Override
    public void read(StateReader in) {
        oldest.read(in);
        long held = in.getLong();
        long seq = oldest.count();
        if (seq < window) {
            if (held != -1) {
                throw in.corrupt("rescan extreme holds index " + held + " before its first full window");
            }
            heldKey = TIED_MISSING;
        } else {
            if (held < seq - window || held >= seq) {
                throw in.corrupt("rescan extreme holds index " + held + ", outside its window [" + (seq - window) + ", "
                        + (seq - 1) + "]");
            }
            double key = oldest.keyAt(held);
            if (key != oldest.windowKey()) {
                throw in.corrupt("rescan extreme holds index " + held + ", which is not an extreme of its window");
            }
            heldKey = SlidingExtreme.tie(SlidingExtreme.order(key));
        }
        heldIndex = held;
    }

    /** A {@link RescanExtreme} checkpoint. */
    public static final class Mark implements StatePart.Mark {
        final SlidingExtreme.Mark oldest;
        long heldKey;
        long heldIndex;

        Mark(SlidingExtreme.Mark oldest) {
            this.oldest = oldest;
        }
    }
}
