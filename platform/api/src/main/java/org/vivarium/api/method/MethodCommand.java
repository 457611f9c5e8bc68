package org.vivarium.api.method;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** One {@code viv METHOD COMMAND} subcommand contributed by a {@link Method}. */
@ConsumerType
public interface MethodCommand {
    /** @return the subcommand name, e.g. {@code fit} */
    String name();

    /** @return the argument synopsis, e.g. {@code CKPT --hook NAME [--seed N]} */
    String usage();

    /** @return one sentence for {@code viv help} */
    String summary();

    /**
     * The command's options. The host turns them into a picocli command spec: it parses the arguments with it
     * (unknown options are refused with the closest known ones, values are converted and range-checked) and lists
     * them under {@code viv METHOD COMMAND --help}.
     *
     * @return the options, e.g. {@code List.of(CommandOption.integer("seed", "N", "random seed", 0, Long.MAX_VALUE))}
     */
    default List<CommandOption> options() {
        return List.of();
    }

    /**
     * Runs the command.
     *
     * @param input the arguments after {@code viv METHOD COMMAND}, parsed against {@link #options()}
     * @param context platform services, output and progress
     * @return a process exit code, 0 on success
     * @throws Exception any failure; {@link org.vivarium.api.VivariumException} is shown as one line
     */
    int run(CommandInput input, MethodContext context) throws Exception;
}
