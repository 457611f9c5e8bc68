/** A small command-line flag parser shared by the model commands. */
package org.vivarium.launcher.args;
