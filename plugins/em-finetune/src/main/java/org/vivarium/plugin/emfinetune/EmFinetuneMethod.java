package org.vivarium.plugin.emfinetune;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vivarium.api.method.Method;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.plugin.emfinetune.cli.TrainCommand;

/** The {@code em-finetune} method: {@code viv em-finetune train}. */
@Component(service = Method.class, property = Method.PROPERTY_NAME + "=em-finetune")
public final class EmFinetuneMethod implements Method {

    @Override
    public String name() {
        return "em-finetune";
    }

    @Override
    public String description() {
        return "narrow fine-tunes (LoRA of any rank, or full) on prompt/completion pairs, for emergent-misalignment "
                + "organisms";
    }

    @Override
    public List<MethodCommand> commands() {
        return List.of(new TrainCommand());
    }
}
