/**
 * Where an adapted weight sits in the forward pass: which hook holds its input (what the {@code A} directions
 * are dotted with) and which hook its output lands in (where the {@code B} directions are compared).
 */
package org.vivarium.plugin.lorainterp.site;
