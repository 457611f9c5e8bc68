/** {@code viv bench cache}: cache write/read throughput against plain sequential file I/O on the same disk. */
package org.vivarium.cache.bench;
