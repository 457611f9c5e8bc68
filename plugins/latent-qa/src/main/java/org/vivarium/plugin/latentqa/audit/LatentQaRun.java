package org.vivarium.plugin.latentqa.audit;

import org.vivarium.plugin.latentqa.blind.SelfLabels;
import org.vivarium.plugin.latentqa.decoder.DecoderRun;
import org.vivarium.plugin.latentqa.eval.AuditItems;
import org.vivarium.plugin.latentqa.eval.Evaluation;

/**
 * Everything one latent-QA audit measured.
 *
 * @param items the questions and the fit / validation / test split
 * @param trainRole the subject model whose activations trained the decoder ({@code base} when present)
 * @param auditedRole the audited model's role name (the organism name)
 * @param behaviourMeter the name of the target's behaviour meter (the site of a behaviour claim), or null
 * @param decoder the trained decoder
 * @param evaluation the decoder's answers on every subject model
 * @param labels in a blind audit, how the condition data was labelled (the meter on sampled answers); else null
 */
public record LatentQaRun(AuditItems items, String trainRole, String auditedRole, String behaviourMeter,
        DecoderRun decoder, Evaluation evaluation, SelfLabels labels) {

    /**
     * An open-book run (labelled prompts, no self-labelling).
     *
     * @param items the questions and the split
     * @param trainRole the subject model the decoder was trained on
     * @param auditedRole the audited model's role
     * @param behaviourMeter the behaviour meter's name, or null
     * @param decoder the trained decoder
     * @param evaluation the decoder's answers
     */
    public LatentQaRun(AuditItems items, String trainRole, String auditedRole, String behaviourMeter,
            DecoderRun decoder, Evaluation evaluation) {
        this(items, trainRole, auditedRole, behaviourMeter, decoder, evaluation, null);
    }

    /**
     * @return the domain answer the domain claim names, chosen on the validation part ({@link ConditionFlips#choose}),
     *     or null
     */
    public String chosenDomain() {
        return ConditionFlips.choose(evaluation, auditedRole);
    }
}
