/** Tests of the method context handed to plugin commands. */
package org.vivarium.launcher.method;
