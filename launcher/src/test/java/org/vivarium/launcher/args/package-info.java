/** Tests of the command-line argument parsers. */
package org.vivarium.launcher.args;
