/**
 * Dense linear algebra that DJL lacks (eigen-decomposition, SVD), on plain Java arrays, backed by the
 * pure-Java EJML library.
 */
package org.vivarium.linalg;
