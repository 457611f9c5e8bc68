/** Test fixture: one side of a package cycle ({@code hen -> egg -> hen}). */
package org.vivarium.cycle.hen;
