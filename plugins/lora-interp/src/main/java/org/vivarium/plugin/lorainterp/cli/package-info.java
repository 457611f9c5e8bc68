/** The {@code viv lora-interp} commands, their argument parsing and checkpoint resolution. */
package org.vivarium.plugin.lorainterp.cli;
