/**
 * The launcher's shared option declarations and ranges ({@link org.vivarium.launcher.args.Limits}) and
 * {@link org.vivarium.launcher.args.SeedList}; options are parsed by {@link org.vivarium.cli.CommandParser}.
 */
package org.vivarium.launcher.args;
