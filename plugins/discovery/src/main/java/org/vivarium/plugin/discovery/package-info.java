/**
 * Blind discovery auditors. {@code model-diff} compares the audited model with its base checkpoint on the
 * target's generic corpus, puts the most changed contexts into the context index and turns the words enriched
 * there into trigger candidates; {@code trigger-search} scans the corpus vocabulary and runs a greedy character
 * search for the inserted text that moves the model furthest off its own answers. Both confirm candidates with
 * the platform's behaviour meters on validation prompts (choosing the meter too) and report test prompts.
 */
package org.vivarium.plugin.discovery;
