/** The built-in {@code viv} commands: help, version, plugin management and method-command dispatch. */
package org.vivarium.launcher.commands;
