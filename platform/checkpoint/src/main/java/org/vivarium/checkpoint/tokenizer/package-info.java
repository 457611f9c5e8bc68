/**
 * The tokenizers checkpoints carry: character-level for text organisms, abstract symbols for synthetic
 * tasks, and their {@code tokenizer.json} form.
 */
package org.vivarium.checkpoint.tokenizer;
