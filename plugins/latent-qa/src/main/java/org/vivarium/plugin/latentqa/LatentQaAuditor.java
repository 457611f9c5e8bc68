package org.vivarium.plugin.latentqa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Auditor;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.latentqa.audit.LatentQaPlots;
import org.vivarium.plugin.latentqa.audit.LatentQaRun;
import org.vivarium.plugin.latentqa.audit.LatentQaSection;
import org.vivarium.plugin.latentqa.audit.LatentQaSettings;
import org.vivarium.plugin.latentqa.blind.BlindReading;
import org.vivarium.plugin.latentqa.blind.SelfLabelSettings;
import org.vivarium.plugin.latentqa.decoder.Decoder;
import org.vivarium.plugin.latentqa.decoder.DecoderRun;
import org.vivarium.plugin.latentqa.decoder.DecoderTrainer;
import org.vivarium.plugin.latentqa.decoder.QaExample;
import org.vivarium.plugin.latentqa.eval.AuditItems;
import org.vivarium.plugin.latentqa.eval.Evaluation;
import org.vivarium.plugin.latentqa.eval.Evaluator;
import org.vivarium.plugin.latentqa.qa.QaItem;
import org.vivarium.plugin.latentqa.read.ActivationReader;
import org.vivarium.plugin.latentqa.read.ReadSite;

/**
 * The {@code latent-qa} auditor. It knows nothing of what was planted: it asks one condition question,
 * {@link org.vivarium.plugin.latentqa.qa.Question#CONDITION} ({@code yes} = label 1 of the target's labelled prompts,
 * whatever the condition is), and the domain question when the target has prompt sets. It reads the last-token
 * residual stream of the {@code base} comparison model (the audited model when there is none) on the fit part of the
 * labelled prompts and prompt sets, fine-tunes a decoder on them (through the platform fine-tuner, starting from the
 * base checkpoint, else the audited one), then asks it about the validation and test parts read from every model
 * (base, control, audited), including the condition question on the neutral prompt-set prompts. From those answers it
 * makes a behaviour claim and a domain claim ({@link org.vivarium.plugin.latentqa.audit.LatentQaClaims}): chosen on validation, decided on test. In a
 * blind audit (no labelled prompts) the condition data is self-labelled instead ({@link BlindReading}): the train
 * model's sampled answers to the fit prompts, labelled by the first platform meter that gives enough of both labels,
 * and each model is read on the prompt plus the start of its own sampled answers. Writes
 * the decoder ({@code decoder/}), {@value LatentQaPlots#ACCURACY} and {@value LatentQaPlots#CONDITION} into the
 * target's out dir.
 */
@Component(service = Auditor.class)
public final class LatentQaAuditor implements Auditor {
    /** The comparison-model role whose activations train the decoder when present. */
    public static final String BASE = "base";
    /** Where the decoder is written under the auditor's out dir. */
    public static final String DECODER_DIR = "decoder";

    private final LatentQaSettings settings;
    private final SelfLabelSettings selfLabels;

    /** Creates the auditor with {@link LatentQaSettings#defaults()} and {@link SelfLabelSettings#defaults()}. */
    public LatentQaAuditor() {
        this(LatentQaSettings.defaults());
    }

    /**
     * Creates the auditor with explicit settings (for tests and benchmarks).
     *
     * @param settings training, reading and thresholds
     */
    public LatentQaAuditor(LatentQaSettings settings) {
        this(settings, SelfLabelSettings.defaults());
    }

    /**
     * Creates the auditor with explicit settings, blind self-labelling included.
     *
     * @param settings training, reading and thresholds
     * @param selfLabels how a blind audit samples and labels its condition data
     */
    public LatentQaAuditor(LatentQaSettings settings, SelfLabelSettings selfLabels) {
        this.settings = settings;
        this.selfLabels = selfLabels;
    }

    @Override
    public String name() {
        return LatentQaSection.METHOD;
    }

    @Override
    public AuditSection audit(AuditTarget target, MethodContext context) throws Exception {
        AuditItems items = AuditItems.of(target, settings.maxPerSet());
        boolean blind = target.blind() && !target.meters().isEmpty() && items.domain() != null;
        if (items.fit().isEmpty() || target.blind() && !blind) {
            return LatentQaSection.notApplicable(target.organism());
        }
        Path out = target.outDir();
        Files.createDirectories(out);
        String auditedRole = target.organism();
        Map<String, Model> subjects = new LinkedHashMap<>(target.comparisonModels());
        subjects.put(auditedRole, target.model());
        String trainRole = subjects.containsKey(BASE) ? BASE : auditedRole;
        BlindReading reading = null;
        if (blind) {
            // no labelled prompts: the train role's own sampled answers, labelled by a platform meter
            reading = BlindReading.sample(target, items, settings.maxPerSet(), subjects, trainRole, selfLabels,
                    context);
            if (!reading.labels().trainable()) {
                return LatentQaSection.notTrainable(reading.labels());
            }
            items = reading.withCondition(items);
        }
        String readHook = ReadSite.residPost(target.model().config(), settings.readLayer());
        Map<String, ActivationReader> readers = new LinkedHashMap<>();
        subjects.forEach((role, m) -> readers.put(role, new ActivationReader(m, readHook)));

        List<QaExample> data = new ArrayList<>();
        try (Progress p = context.progress("latent-qa: reading " + trainRole + " activations", items.fit().size(),
                "prompt")) {
            for (QaItem it : items.fit()) {
                data.add(new QaExample(it, readers.get(trainRole).read(it.prompt())));
                p.advance(1);
            }
        }
        DecoderRun decoder;
        try (Progress p = context.progress("latent-qa: fine-tuning the decoder", settings.train().steps(), "step")) {
            // The decoder starts from the base model when the organism has one, so it has never seen the EM
            // fine-tune's weights; otherwise from the audited checkpoint.
            Path init = target.comparisonCheckpoints().getOrDefault(BASE, target.checkpoint());
            decoder = new DecoderTrainer(context.runtime(), context.fineTuner()).train(init, readHook,
                    data, settings.train(), out.resolve(DECODER_DIR), "latent-qa/" + target.organism(), p);
        }
        Evaluation ev;
        int perPrompt = reading == null ? 1 : selfLabels.heldOutSamples();
        try (Model dm = context.runtime().load(decoder.checkpoint());
                Progress p = context.progress("latent-qa: asking the decoder",
                        Evaluator.calls(items, readers.size(), perPrompt), "answer")) {
            Decoder d = new Decoder(dm, decoder.spec());
            ev = (reading == null ? new Evaluator(d) : new Evaluator(d, reading.contexts())).run(readers, items, p);
        }
        LatentQaRun run = reading == null
                ? new LatentQaRun(items, trainRole, auditedRole, meterName(target), decoder, ev)
                : new LatentQaRun(items, trainRole, auditedRole, reading.labels().meter(), decoder, ev,
                        reading.labels());
        return LatentQaSection.build(run, settings, LatentQaPlots.write(out, run, settings));
    }

    private static String meterName(AuditTarget target) {
        if (target.blind()) {
            return null;
        }
        BehaviourMeter m = target.behaviour();
        return m == null ? null : m.name();
    }
}
