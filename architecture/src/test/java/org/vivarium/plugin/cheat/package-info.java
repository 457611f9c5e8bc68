/** Test fixture: a plugin class that breaks the architecture rules on purpose. */
package org.vivarium.plugin.cheat;
