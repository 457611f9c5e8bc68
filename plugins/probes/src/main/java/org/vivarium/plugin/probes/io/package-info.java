/** Small file helpers: atomic text writes and a minimal JSON writer and reader (plugins see no JSON library). */
package org.vivarium.plugin.probes.io;
