/** Tests of the organism command's sealed truth cards and the host key. */
package org.vivarium.launcher.organism;
