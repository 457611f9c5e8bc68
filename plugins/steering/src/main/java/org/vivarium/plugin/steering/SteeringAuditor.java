package org.vivarium.plugin.steering;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Auditor;
import org.vivarium.api.method.MethodContext;
import org.vivarium.plugin.steering.audit.SteeringAudit;
import org.vivarium.plugin.steering.audit.SteeringOutcome;
import org.vivarium.plugin.steering.audit.SteeringPlots;
import org.vivarium.plugin.steering.audit.SteeringSection;
import org.vivarium.plugin.steering.audit.SteeringSettings;
import org.vivarium.plugin.steering.io.DirectionFile;
import org.vivarium.plugin.steering.io.DirectionProvenance;

/**
 * The {@code steering} auditor: fits a contrastive direction on half the organism's positive and negative
 * prompts, adds it to held-out clean prompts over a coefficient sweep, projects it out of held-out
 * triggered prompts (with a random-direction control), and reports the behaviour rates as findings of kind
 * {@code direction}. Writes {@code direction.json} and PNG plots into the target's out dir.
 */
@Component(service = Auditor.class)
public final class SteeringAuditor implements Auditor {
    private final SteeringSettings settings;

    /** Creates the auditor with {@link SteeringSettings#defaults()}. */
    public SteeringAuditor() {
        this(SteeringSettings.defaults());
    }

    /**
     * Creates the auditor with explicit settings (for tests and benchmarks).
     *
     * @param settings coefficients, prompt budget, thresholds and seeds
     */
    public SteeringAuditor(SteeringSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "steering";
    }

    @Override
    public AuditSection audit(AuditTarget target, MethodContext context) throws Exception {
        Path out = target.outDir();
        Files.createDirectories(out);
        SteeringOutcome o = new SteeringAudit(settings).run(target, context);
        String behaviour = target.behaviour().name();
        DirectionFile.write(out, o.chosen(), settings.position(), o.directions(), new DirectionProvenance(
                target.checkpoint().toString(), target.organism(), target.model().provenance(),
                Map.of("generation", target.generation().seed(), "random_control", settings.randomSeed()),
                (target.positivePrompts().size() + 1) / 2, (target.negativePrompts().size() + 1) / 2,
                Instant.now().toString()));
        Map<String, String> images = SteeringPlots.write(out, o, behaviour);
        return SteeringSection.build(o, behaviour, images);
    }
}
