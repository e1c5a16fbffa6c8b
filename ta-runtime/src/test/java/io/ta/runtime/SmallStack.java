package io.ta.runtime;

import java.util.concurrent.atomic.AtomicReference;

/** Runs test code on a thread with a 256 KB stack, as a pool thread of a stream processor may have. */
public final class SmallStack {
    /** The stack size the library promises to work with. */
    public static final long BYTES = 256 * 1024;

    private SmallStack() {}

    /** Runs {@code r} on a fresh 256 KB-stack thread and rethrows whatever it threw, as an AssertionError. */
    public static void run(Runnable r) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                r.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small", BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (failure.get() != null) {
            throw new AssertionError("failed on a 256 KB stack: " + failure.get(), failure.get());
        }
    }
}
