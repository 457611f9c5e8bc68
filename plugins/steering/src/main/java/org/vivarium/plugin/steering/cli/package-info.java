/** The {@code viv steering direction} and {@code viv steering generate} commands and their argument parsing. */
package org.vivarium.plugin.steering.cli;
