/**
 * SAE training: the per-batch forward and backward pass split over worker threads, Adam with unit-norm
 * decoder rows, dead-latent resampling, the learning-rate and L1 schedules, evaluation metrics and the
 * loss log.
 */
package org.vivarium.plugin.sae.train;
