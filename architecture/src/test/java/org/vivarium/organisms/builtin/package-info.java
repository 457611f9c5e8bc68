/** Test fixture: an organisms class that uses a plugin, against the architecture rules. */
package org.vivarium.organisms.builtin;
