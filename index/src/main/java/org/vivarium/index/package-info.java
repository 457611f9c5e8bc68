/**
 * The Lucene implementation of {@link org.vivarium.api.index.ContextIndex}: schema, query language,
 * highlighting and per-feature aggregation.
 */
package org.vivarium.index;
