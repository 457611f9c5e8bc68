/**
 * The {@code lm} organism: a small character-level language model trained on real English text (State of
 * the Union addresses shipped in the jar, or a corpus file given by the user).
 */
package org.vivarium.organisms.lm;
