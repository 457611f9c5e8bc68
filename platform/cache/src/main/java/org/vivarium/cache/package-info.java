/**
 * The activation cache implementation: rows in append-only segment files, metadata (format header,
 * runs, committed row ranges) in a transactional MapDB store. Start at {@link MapDbActivationCache}.
 */
package org.vivarium.cache;
