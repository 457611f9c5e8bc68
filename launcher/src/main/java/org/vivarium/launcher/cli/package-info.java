/**
 * The command-line framework: the {@link org.vivarium.launcher.cli.CliCommand} abstraction, its
 * {@link org.vivarium.launcher.cli.CliContext}, argument dispatch and the one-line error policy. The set
 * of commands is assembled in {@link org.vivarium.launcher.VivCommands}.
 */
package org.vivarium.launcher.cli;
