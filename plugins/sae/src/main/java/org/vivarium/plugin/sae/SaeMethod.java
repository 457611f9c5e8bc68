package org.vivarium.plugin.sae;

import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.method.Method;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.plugin.sae.cli.BenchCommand;
import org.vivarium.plugin.sae.cli.DashboardsCommand;
import org.vivarium.plugin.sae.cli.GroundTruthCommand;
import org.vivarium.plugin.sae.cli.TrainCommand;
import org.vivarium.plugin.sae.cli.TranscoderCommand;

/**
 * The {@code sae} method: {@code viv sae train}, {@code viv sae dashboards}, {@code viv sae bench},
 * {@code viv sae groundtruth} (an SAE scored against the superposition organism's true features) and
 * {@code viv sae transcoder} (MLP transcoders).
 *
 * <p>Registered with Declarative Services. If the host publishes a {@link ContextIndex} service, the
 * optional dynamic reference picks it up and every latent's top contexts are added to it by
 * {@code dashboards}; otherwise they stay in {@code dashboards.json}.
 */
@Component(service = Method.class, property = Method.PROPERTY_NAME + "=sae")
public final class SaeMethod implements Method {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContextIndex contextIndex;

    @Override
    public String name() {
        return "sae";
    }

    @Override
    public String description() {
        return "sparse autoencoders (ReLU+L1, TopK) on cached activations, feature dashboards, contexts in the index";
    }

    @Override
    public List<MethodCommand> commands() {
        return List.of(new TrainCommand(), new DashboardsCommand(() -> Optional.ofNullable(contextIndex)),
                new BenchCommand(), new GroundTruthCommand(), new TranscoderCommand());
    }
}
