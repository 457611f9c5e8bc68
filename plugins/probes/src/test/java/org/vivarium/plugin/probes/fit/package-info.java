/** Tests of fitting every probe kind on a prompt split. */
package org.vivarium.plugin.probes.fit;
