/**
 * The {@code superposition} organism (Elhage et al. 2022, "Toy Models of Superposition"): n sparse features
 * squeezed through m &lt; n hidden dimensions by {@code x' = ReLU(W^T W x + b)}, trained over a sparsity
 * sweep in plain Java. Dense features get about m orthogonal directions; sparse ones are packed in
 * superposition.
 */
package org.vivarium.organisms.superposition;
