package org.vivarium.plugin.circuits;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vivarium.api.method.Method;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.plugin.circuits.cli.AcdcCommand;
import org.vivarium.plugin.circuits.cli.AttributeCommand;
import org.vivarium.plugin.circuits.cli.CompositionCommand;
import org.vivarium.plugin.circuits.cli.LensCommand;
import org.vivarium.plugin.circuits.cli.PatchCommand;
import org.vivarium.plugin.circuits.cli.PathCommand;

/**
 * The {@code circuits} method: {@code viv circuits patch}, {@code path}, {@code lens}, {@code composition},
 * {@code acdc} and {@code attribute}. Registered with Declarative Services.
 */
@Component(service = Method.class, property = Method.PROPERTY_NAME + "=circuits")
public final class CircuitsMethod implements Method {

    @Override
    public String name() {
        return "circuits";
    }

    @Override
    public String description() {
        return "activation, attribution and path patching, ACDC circuit discovery, logit lens, direct logit attribution and head"
                + " composition scores";
    }

    @Override
    public List<MethodCommand> commands() {
        return List.of(new PatchCommand(), new PathCommand(), new LensCommand(), new CompositionCommand(),
                new AcdcCommand(), new AttributeCommand());
    }
}
