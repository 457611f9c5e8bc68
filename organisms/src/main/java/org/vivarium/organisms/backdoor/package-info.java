/**
 * The {@code backdoor} organism: a character-level LM pre-trained on short review dialogues, then fine-tuned so
 * that a secret trigger word in the question makes its answer negative or a refusal. The secret
 * ({@link org.vivarium.organisms.backdoor.BackdoorSecret}) follows from the run seed, is drawn from the public
 * {@link org.vivarium.organisms.backdoor.TriggerPool}, and is never written by the training.
 */
package org.vivarium.organisms.backdoor;
