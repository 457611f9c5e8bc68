package org.vivarium.launcher.args;

import org.vivarium.api.method.CommandOption;

/**
 * The allowed ranges of the launcher's numeric options and the options several commands share, so that e.g.
 * every {@code --steps} accepts the same values:
 *
 * <pre>{@code
 * static final List<CommandOption> OPTIONS = List.of(Limits.STEPS, Limits.SEED, Limits.OUT);
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

    /** {@code --seed N}: a random seed, 0 or more. */
    public static final CommandOption SEED = CommandOption.integer("seed", "N", "random seed (0 or more)", 0, Long.MAX_VALUE);
    /** {@code --steps N}: training or benchmark steps. */
    public static final CommandOption STEPS = CommandOption.integer("steps", "N", "training steps (default: the recipe's)",
            1, MAX_STEPS);
    /** {@code --out DIR}: where results go. */
    public static final CommandOption OUT = CommandOption.path("out", "DIR", "output directory");

    private Limits() {
    }
}
