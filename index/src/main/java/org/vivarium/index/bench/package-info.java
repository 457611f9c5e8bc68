/**
 * The context-index benchmark ({@code viv bench index}) and its deterministic synthetic-context
 * generator, which the tests reuse.
 */
package org.vivarium.index.bench;
