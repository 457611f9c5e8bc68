/**
 * The {@code viv sae} commands: {@code train}, {@code dashboards} and {@code bench}, with their option parsing.
 */
package org.vivarium.plugin.sae.cli;
