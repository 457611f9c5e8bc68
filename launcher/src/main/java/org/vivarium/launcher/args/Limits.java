package org.vivarium.launcher.args;

/**
 * The allowed ranges of the launcher's numeric options, shared so that e.g. every {@code --steps} accepts the
 * same values. Pass them to {@link Flags#intValue(String, int, int, int)}:
 *
 * <pre>{@code
 * int steps = flags.intValue("steps", 0, 1, Limits.MAX_STEPS);
 * }</pre>
 */
public final class Limits {
    /** The most training or benchmark steps one command may ask for. */
    public static final int MAX_STEPS = 10_000_000;
    /** The largest batch size. */
    public static final int MAX_BATCH = 65_536;
    /** The largest count of generated texts, top-K rows or similar. */
    public static final int MAX_COUNT = 10_000_000;
    /** The most tokens {@code viv run --generate} may produce. */
    public static final int MAX_GENERATE = 100_000;

    private Limits() {
    }
}
