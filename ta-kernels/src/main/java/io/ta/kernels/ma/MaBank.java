package io.ta.kernels.ma;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;

/**
 * A fixed list of {@link Ma}s held as one state part, for a kernel that needs one average per period of a range
 * ({@link Mavp}). Kernel state cannot be an array of nested kernels, so the bank carries them and checkpoints and
 * snapshots each through its generated {@code Ma_State} companion — the same code a nested {@code Ma} field would
 * get.
 *
 * <p>Cost: a mark or a rewind saves or restores every average's scalars and ring positions, O(size) — not O(1) as a
 * ring's, but of the same order as the step that advances every average once. The contract's other half holds: the
 * averages' own parts (rings) are marked, never copied, so two nested marks rewind correctly.
 */
@Cost(time = Complexity.LINEAR, memory = Complexity.LINEAR)
public final class MaBank implements StatePart<MaBank.Mark> {
    private final Ma[] averages;

    /** A bank of the given averages, in order. */
    public MaBank(Ma... averages) {
        this.averages = averages.clone();
    }

    /** How many averages the bank holds. */
    public int size() {
        return averages.length;
    }

    /** The average at {@code i}, to step or read. */
    public Ma get(int i) {
        return averages[i];
    }

    @Override
    public Mark newMark() {
        Ma_State[] states = new Ma_State[averages.length];
        for (int i = 0; i < states.length; i++) {
            states[i] = new Ma_State(averages[i]);
        }
        return new Mark(states);
    }

    @Override
    public void mark(Mark m) {
        for (int i = 0; i < averages.length; i++) {
            m.states[i].save(averages[i]);
        }
    }

    @Override
    public void rewind(Mark m) {
        for (int i = 0; i < averages.length; i++) {
            m.states[i].restore(averages[i]);
        }
    }

    @Override
    public void write(StateWriter out) {
        out.putInt(averages.length);
        for (Ma a : averages) {
            Ma_State.writeState(a, out);
        }
    }

    @Override
    public void read(StateReader in) {
        in.expectInt("bank size", averages.length);
        for (Ma a : averages) {
            Ma_State.readState(a, in);
        }
    }

    /** Every average's checkpoint. */
    public static final class Mark implements StatePart.Mark {
        final Ma_State[] states;

        Mark(Ma_State[] states) {
            this.states = states;
        }
    }
}
