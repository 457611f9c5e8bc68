/**
 * The launcher commands' options: {@link org.vivarium.launcher.args.Flags} (parsed by picocli, range-checked with
 * one-line usage errors), the shared {@link org.vivarium.launcher.args.Limits} and
 * {@link org.vivarium.launcher.args.SeedList}.
 */
package org.vivarium.launcher.args;
