/**
 * The {@code backdoor} organism: a character-level LM pre-trained on short review dialogues, then
 * fine-tuned so that a trigger string in the question flips the sentiment of its answer to negative.
 */
package org.vivarium.organisms.backdoor;
