/** Q-, K- and V-composition scores between attention heads, from the weights alone. */
package org.vivarium.plugin.circuits.composition;
