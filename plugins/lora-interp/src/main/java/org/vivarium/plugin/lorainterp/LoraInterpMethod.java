package org.vivarium.plugin.lorainterp;

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
import org.vivarium.plugin.lorainterp.cli.ShowCommand;

/**
 * The {@code lora-interp} method: {@code viv lora-interp show}.
 *
 * <p>Registered with Declarative Services. If the host publishes a {@link ContextIndex} service, the optional
 * dynamic reference picks it up and the input directions' top contexts are added to it.
 */
@Component(service = Method.class, property = Method.PROPERTY_NAME + "=lora-interp")
public final class LoraInterpMethod implements Method {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContextIndex contextIndex;

    @Override
    public String name() {
        return "lora-interp";
    }

    @Override
    public String description() {
        return "LoRA adapter interpretation: SVD of weight updates, output directions vs contrast and unembedding";
    }

    @Override
    public List<MethodCommand> commands() {
        return List.of(new ShowCommand(() -> Optional.ofNullable(contextIndex)));
    }
}
