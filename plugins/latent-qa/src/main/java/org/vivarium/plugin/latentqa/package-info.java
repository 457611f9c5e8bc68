/**
 * The latent-QA (activation-oracle) plugin: the {@code latent-qa} method ({@code viv latent-qa train|ask}) and the
 * {@code latent-qa} auditor, both registered with Declarative Services. A decoder model, fine-tuned through the
 * platform fine-tuner with another model's activation added at a placeholder token of its prompt, answers questions
 * about that activation in text ("which persona?", "is the condition present?", "which domain?"). The auditor
 * turns the answers into claims without any answer key. Sees only the platform API and the report library.
 */
package org.vivarium.plugin.latentqa;
