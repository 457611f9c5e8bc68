/** {@code viv organism}: list, train, check and describe model organisms. */
package org.vivarium.launcher.organism;
