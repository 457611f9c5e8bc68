package org.vivarium.plugin.steering;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Auditor;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.api.method.MethodContext;
import org.vivarium.plugin.steering.audit.SteeringAudit;
import org.vivarium.plugin.steering.audit.SteeringOutcome;
import org.vivarium.plugin.steering.audit.SteeringPlots;
import org.vivarium.plugin.steering.audit.SteeringSection;
import org.vivarium.plugin.steering.audit.SteeringSettings;
import org.vivarium.plugin.steering.extract.PositionMode;
import org.vivarium.plugin.steering.io.DirectionFile;
import org.vivarium.plugin.steering.io.DirectionProvenance;

/**
 * The {@code steering} auditor: splits the organism's paired positive and negative prompts into fit, validation
 * and test parts; fits position-mean contrastive directions at every residual site on the fit part; chooses the
 * site and coefficient by steering validation prompts; and reports the chosen one on the test prompts, with an
 * attention-output ablation and a random-direction control. Claims: a {@code DIRECTION} (the exact vector, hook
 * and coefficient added) and a {@code BEHAVIOUR}. Writes {@code direction.json} and PNG plots into the target's
 * out dir.
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
        if (target.blind()) {
            String why = "not measured: a blind audit gives no contrastive prompt pairs and no behaviour meter to steer"
                    + " towards (the discovery auditors model-diff and trigger-search look for the condition first)";
            return new AuditSection(name(), "Steering vectors", List.of(Claim.of(ClaimKind.DIRECTION,
                    "no steering direction", ClaimSite.NONE, false, why)), Map.of(), Map.of(), "Not measured in a blind audit: "
                    + why + ".\n");
        }
        Path out = target.outDir();
        Files.createDirectories(out);
        SteeringOutcome o = new SteeringAudit(settings).run(target, context);
        String behaviour = target.behaviour().name();
        DirectionFile.write(out, o.chosen(), PositionMode.MEAN, o.meanDirections(), new DirectionProvenance(
                target.checkpoint().toString(), target.organism(), target.model().provenance(),
                Map.of("generation", target.generation().seed(), "random_control", settings.randomSeed()),
                o.parts().fitPositives().size(), o.parts().fitNegatives().size(), Instant.now().toString()),
                o.coefficient());
        Map<String, String> images = SteeringPlots.write(out, o, behaviour);
        return SteeringSection.build(o, behaviour, DirectionFile.FILE, images);
    }
}
