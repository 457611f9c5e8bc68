package org.vivarium.plugin.probes;

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
import org.vivarium.plugin.probes.cli.FitCommand;
import org.vivarium.plugin.probes.cli.ShowCommand;

/**
 * The {@code probes} method: {@code viv probes fit} and {@code viv probes show}.
 *
 * <p>Registered with Declarative Services. If the host publishes a {@link ContextIndex} service, the
 * optional dynamic reference picks it up and fitted probes' top contexts are added to it; otherwise they
 * are saved to {@code contexts.tsv} only.
 */
@Component(service = Method.class, property = Method.PROPERTY_NAME + "=probes")
public final class ProbesMethod implements Method {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContextIndex contextIndex;

    @Override
    public String name() {
        return "probes";
    }

    @Override
    public String description() {
        return "linear and difference-of-means probes per hook on a labelled prompt set";
    }

    @Override
    public List<MethodCommand> commands() {
        return List.of(new FitCommand(() -> Optional.ofNullable(contextIndex)), new ShowCommand());
    }
}
