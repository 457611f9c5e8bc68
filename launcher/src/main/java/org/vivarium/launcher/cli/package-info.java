/**
 * The command-line framework: the {@link org.vivarium.launcher.cli.CliCommand} abstraction, its
 * {@link org.vivarium.launcher.cli.CliContext}, argument dispatch, the one-line error policy, typo suggestions
 * ({@link org.vivarium.cli.Suggestions}) and the picocli model of {@code viv} for shell completion
 * ({@link org.vivarium.launcher.cli.CommandTree}). The set
 * of commands is assembled in {@link org.vivarium.launcher.VivCommands}.
 */
package org.vivarium.launcher.cli;
