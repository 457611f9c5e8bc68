/** The {@code viv probes fit} and {@code viv probes show} commands and their argument parsing. */
package org.vivarium.plugin.probes.cli;
