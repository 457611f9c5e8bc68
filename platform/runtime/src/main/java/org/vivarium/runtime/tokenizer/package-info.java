/** Tokenizers the runtime attaches to loaded models, e.g. an imported model's Hugging Face {@code tokenizer.json}. */
package org.vivarium.runtime.tokenizer;
