/**
 * Helpers shared by the report packages (atomic file writes, number formatting); private to the bundle
 * and not part of the API.
 */
package org.vivarium.report.internal;
