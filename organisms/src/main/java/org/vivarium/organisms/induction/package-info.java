/**
 * The {@code induction} organism: a 2-layer attention-only transformer trained on repeated random-token
 * sequences, which must grow a previous-token head in layer 0 and an induction head in layer 1.
 */
package org.vivarium.organisms.induction;
