/** The {@code viv circuits patch|lens|composition} commands. */
package org.vivarium.plugin.circuits.cli;
