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
     * Runs the command.
     *
     * @param args the arguments after {@code viv METHOD COMMAND}
     * @param context platform services, output and progress
     * @return a process exit code, 0 on success
     * @throws Exception any failure; {@link org.vivarium.api.VivariumException} is shown as one line
     */
    int run(List<String> args, MethodContext context) throws Exception;
}
