/**
 * The commands' options: {@link org.vivarium.launcher.args.CommandParser} turns the
 * {@link org.vivarium.api.method.CommandOption} declarations of a built-in or plugin command into a picocli
 * command spec (parsed, converted and range-checked with one-line usage errors), the shared
 * {@link org.vivarium.launcher.args.Limits} and {@link org.vivarium.launcher.args.SeedList}.
 */
package org.vivarium.launcher.args;
