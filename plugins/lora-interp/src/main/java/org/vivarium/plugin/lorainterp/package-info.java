/**
 * The LoRA-interpretation plugin: the {@code lora-interp} method ({@code viv lora-interp show}) and the
 * {@code lora-interp} auditor, both registered with Declarative Services. It decomposes each adapted weight's
 * update {@code delta W = scale * A B}, compares the output directions with contrastive and saved directions and
 * with the unembedding, and indexes where the input directions fire. Sees only the platform API and the report
 * library.
 */
package org.vivarium.plugin.lorainterp;
