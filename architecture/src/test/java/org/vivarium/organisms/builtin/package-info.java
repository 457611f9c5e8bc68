/** Test fixture: an organisms class that uses a plugin and the runtime, against the architecture rules. */
package org.vivarium.organisms.builtin;
