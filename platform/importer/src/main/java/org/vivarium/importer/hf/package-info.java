/**
 * Import of Hugging Face causal-LM directories (GPT-2, GPT-NeoX / Pythia, Llama, Qwen2: {@code config.json} plus
 * {@code *.safetensors}) into Vivarium decoder checkpoints with TransformerLens weight names.
 */
package org.vivarium.importer.hf;
