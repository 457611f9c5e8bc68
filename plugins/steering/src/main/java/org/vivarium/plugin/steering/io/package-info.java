/** Files: {@code direction.json} (written and read back), prompt lists, minimal JSON and atomic writes. */
package org.vivarium.plugin.steering.io;
