/** Build-time architecture rules (ArchUnit) over the organisms' and the method plugins' main classes. */
package org.vivarium.architecture;
