/** The {@code viv latent-qa train} and {@code viv latent-qa ask} commands and their labelled-prompt file format. */
package org.vivarium.plugin.latentqa.cli;
