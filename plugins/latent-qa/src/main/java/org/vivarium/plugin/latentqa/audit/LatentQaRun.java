package org.vivarium.plugin.latentqa.audit;

import org.vivarium.plugin.latentqa.decoder.DecoderRun;
import org.vivarium.plugin.latentqa.eval.AuditItems;
import org.vivarium.plugin.latentqa.eval.Evaluation;

/**
 * Everything one latent-QA audit measured.
 *
 * @param items the questions and the train / held-out split
 * @param trainRole the subject model whose activations trained the decoder ({@code base} when present)
 * @param auditedRole the audited model's role name (the organism name)
 * @param decoder the trained decoder
 * @param evaluation the decoder's answers on every subject model
 */
public record LatentQaRun(AuditItems items, String trainRole, String auditedRole, DecoderRun decoder,
        Evaluation evaluation) {
}
