/**
 * Model organisms: small transformers raised here with a planted, documented behaviour, each with a
 * truth card and a check that measures whether the behaviour is really there.
 */
package org.vivarium.organisms;
