/**
 * Command options through picocli: {@link org.vivarium.cli.CommandParser} turns the
 * {@link org.vivarium.api.method.CommandOption} declarations of a built-in or plugin command into a picocli command
 * spec and parses with it; mistakes are one-line {@link org.vivarium.cli.UsageException}s with "did you mean"
 * {@link org.vivarium.cli.Suggestions}.
 */
package org.vivarium.cli;
