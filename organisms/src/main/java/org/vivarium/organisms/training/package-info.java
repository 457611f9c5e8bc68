/**
 * The shared training driver for organisms: fresh or resumed runs, progress bar, loss curve (CSV and
 * PNG), periodic crash-safe checkpoints with provenance.
 */
package org.vivarium.organisms.training;
