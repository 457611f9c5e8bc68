/** Repeated random-token sequences and the attention scores that reveal previous-token and induction heads. */
package org.vivarium.plugin.circuits.induction;
