/**
 * The {@code viv} entry point ({@link org.vivarium.launcher.Viv}); the Felix host, plugin manager and
 * command line live in the sub-packages.
 */
package org.vivarium.launcher;
