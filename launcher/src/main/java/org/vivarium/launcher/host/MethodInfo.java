package org.vivarium.launcher.host;

import java.util.List;
import java.util.Optional;
import org.vivarium.api.method.Method;
import org.vivarium.api.method.MethodCommand;

/**
 * A {@link Method} service the host currently sees.
 *
 * @param name the method name, e.g. {@code probes}
 * @param description one sentence on what it does
 * @param commands the commands it adds to {@code viv}
 * @param bundleId the id of the bundle that registered it
 * @param bundleSymbolicName that bundle's symbolic name
 */
public record MethodInfo(String name, String description, List<MethodCommand> commands,
                         long bundleId, String bundleSymbolicName) {

    /** Copies the command list. */
    public MethodInfo {
        commands = List.copyOf(commands);
    }

    /**
     * Looks up one of the method's commands.
     *
     * @param commandName the command name
     * @return the command, if the method has one of that name
     */
    public Optional<MethodCommand> command(String commandName) {
        return commands.stream().filter(c -> c.name().equals(commandName)).findFirst();
    }

    /** @return the command names, in the method's order */
    public List<String> commandNames() {
        return commands.stream().map(MethodCommand::name).toList();
    }
}
