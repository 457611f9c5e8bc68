package org.vivarium.plugin.steering;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vivarium.api.method.Method;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.plugin.steering.cli.DirectionCommand;
import org.vivarium.plugin.steering.cli.GenerateCommand;

/** The {@code steering} method: {@code viv steering direction} and {@code viv steering generate}. */
@Component(service = Method.class, property = Method.PROPERTY_NAME + "=steering")
public final class SteeringMethod implements Method {

    @Override
    public String name() {
        return "steering";
    }

    @Override
    public String description() {
        return "contrastive activation addition and directional ablation with mean-difference directions";
    }

    @Override
    public List<MethodCommand> commands() {
        return List.of(new DirectionCommand(), new GenerateCommand());
    }
}
