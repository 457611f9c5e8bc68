/**
 * The {@code viv search} command logic: argument parsing and the table or JSON output of searches and
 * per-feature aggregations.
 */
package org.vivarium.index.cli;
