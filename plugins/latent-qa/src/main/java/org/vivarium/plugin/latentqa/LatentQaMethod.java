package org.vivarium.plugin.latentqa;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vivarium.api.method.Method;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.plugin.latentqa.cli.AskCommand;
import org.vivarium.plugin.latentqa.cli.TrainCommand;

/** The {@code latent-qa} method: {@code viv latent-qa train} and {@code viv latent-qa ask}. */
@Component(service = Method.class, property = Method.PROPERTY_NAME + "=latent-qa")
public final class LatentQaMethod implements Method {

    @Override
    public String name() {
        return "latent-qa";
    }

    @Override
    public String description() {
        return "latent QA: a decoder that reads a model's activation at a placeholder and answers questions in text";
    }

    @Override
    public List<MethodCommand> commands() {
        return List.of(new TrainCommand(), new AskCommand());
    }
}
