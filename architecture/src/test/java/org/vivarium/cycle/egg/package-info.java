/** Test fixture: the other side of a package cycle ({@code egg -> hen -> egg}). */
package org.vivarium.cycle.egg;
