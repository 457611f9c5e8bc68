/** The {@code viv em-finetune train} command: argument parsing, options and the run. */
package org.vivarium.plugin.emfinetune.cli;
