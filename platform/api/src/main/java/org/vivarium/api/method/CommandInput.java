package org.vivarium.api.method;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The parsed arguments of one command, as the host's picocli parser read them against the command's
 * {@link CommandOption}s: every value here already has its declared kind and lies in its declared range, and
 * required options are present. Mistakes a command finds itself (e.g. a missing positional) end in a
 * {@link org.vivarium.api.VivariumException} whose fix is the command's usage line.
 *
 * <pre>{@code
 * public int run(CommandInput in, MethodContext ctx) {
 *     String ckpt = in.onlyPositional("a checkpoint directory (CKPT)");
 *     Path data = in.requirePath("data", ctx.workDir());
 *     long seed = in.getLong("seed", 1);
 *     boolean full = in.flag("full");
 *     ...
 * }
 * }</pre>
 */
@ProviderType
public interface CommandInput {
    /** @return the positional arguments in the order given, possibly empty */
    List<String> positionals();

    /**
     * @param index the position, from 0
     * @param what what it is, for the message, e.g. {@code organism name}
     * @return the positional argument at {@code index}
     * @throws org.vivarium.api.VivariumException if there are not that many
     */
    String positional(int index, String what);

    /**
     * @param what what it is, for the message, e.g. {@code a checkpoint directory (CKPT)}
     * @return the single positional argument
     * @throws org.vivarium.api.VivariumException if there is none or more than one
     */
    String onlyPositional(String what);

    /**
     * Checks that no positional argument was given.
     *
     * @throws org.vivarium.api.VivariumException naming the first one, if any
     */
    void noPositionals();

    /**
     * @param name a declared option without dashes
     * @return whether it was given (a switch, or a valued option)
     */
    boolean has(String name);

    /**
     * @param name a declared switch without dashes
     * @return whether it was given
     */
    boolean flag(String name);

    /**
     * @param name a declared option without dashes
     * @param fallback the value when absent; may be null
     * @return the value as given, or the fallback
     */
    String get(String name, String fallback);

    /**
     * @param name a declared option without dashes
     * @return the value, never blank
     * @throws org.vivarium.api.VivariumException if absent or blank
     */
    String require(String name);

    /**
     * @param name a declared path option without dashes
     * @param workDir the directory a relative path resolves against
     * @return the normalised path, or empty if absent
     * @throws org.vivarium.api.VivariumException if blank or not a valid path
     */
    Optional<Path> path(String name, Path workDir);

    /**
     * @param name a declared path option without dashes
     * @param workDir the directory a relative path resolves against
     * @return the normalised path
     * @throws org.vivarium.api.VivariumException if absent, blank or not a valid path
     */
    Path requirePath(String name, Path workDir);

    /**
     * @param name a declared integer option without dashes
     * @param fallback the value when absent
     * @return the value, within the declared range
     */
    long getLong(String name, long fallback);

    /**
     * @param name a declared integer option without dashes whose range fits an {@code int}
     * @param fallback the value when absent
     * @return the value, within the declared range
     */
    int getInt(String name, int fallback);

    /**
     * @param name a declared number option without dashes
     * @param fallback the value when absent
     * @return the value, finite and within the declared range
     */
    double getDouble(String name, double fallback);

    /**
     * @param name a declared list option without dashes
     * @param fallback the value when absent
     * @return the entries in the order given, at least one
     */
    List<String> getList(String name, List<String> fallback);

    /**
     * @param name a declared list option without dashes
     * @param fallback the value when absent
     * @return the entries as finite numbers
     * @throws org.vivarium.api.VivariumException if an entry is not a finite number
     */
    List<Double> getNumbers(String name, List<Double> fallback);
}
