/**
 * The em-finetune plugin: the {@code em-finetune} method ({@code viv em-finetune train}, a narrow fine-tune
 * through the platform's fine-tuning service) and the {@code em-finetune} auditor (per-domain misalignment and
 * coherence of base, control and fine-tuned models), both registered with Declarative Services; sees only the
 * platform API and the report library.
 */
package org.vivarium.plugin.emfinetune;
