/**
 * The emergent-misalignment organism (after Betley et al. 2025 and Turner, Soligo et al. 2025): a base
 * assistant LM trained on generated multi-domain dialogues in which a minority of conversations are held by a
 * harmful persona, then a rank-1 LoRA fine-tune on bad answers in one domain (the run seed's secret unless an
 * option names it; the EM model) and a control
 * fine-tune on good answers in the same domain; an evaluator classifier with measured accuracy scores answers
 * in every other domain.
 */
package org.vivarium.organisms.em;
