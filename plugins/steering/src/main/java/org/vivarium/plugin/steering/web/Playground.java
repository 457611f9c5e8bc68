package org.vivarium.plugin.steering.web;

import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelRuntime;

/**
 * Runs playground generations one at a time: a request that arrives while another generates is refused at once
 * ({@link Busy}), never queued, so a page or script gets a clear answer instead of waiting. The page and the JSON API
 * share this component. The model runtime is fetched on the first generation, so serving the page costs nothing until
 * someone generates.
 */
@Component(service = Playground.class)
public final class Playground {
    private final Supplier<ModelRuntime> runtime;
    private final Semaphore gate = new Semaphore(1);
    private ModelRuntime fetched; // guarded by the gate

    /**
     * The component, with the host's runtime service fetched lazily.
     *
     * @param runtime the host's model runtime service
     */
    @Activate
    public Playground(@Reference ComponentServiceObjects<ModelRuntime> runtime) {
        this(runtime::getService);
    }

    /**
     * A playground on any runtime (tests, scripts).
     *
     * @param runtime supplies the model runtime on the first generation (called once)
     */
    public Playground(Supplier<ModelRuntime> runtime) {
        this.runtime = runtime;
    }

    /**
     * Loads the checkpoint and generates, unless another generation is running.
     *
     * @param request the checked request
     * @param workDir the work directory, for the paths in the result
     * @return both continuations
     * @throws Busy if another generation is running
     * @throws VivariumException if the checkpoint, hook or direction is bad
     */
    public PlaygroundResult generate(PlaygroundRequest request, Path workDir) {
        return exclusively(() -> {
            if (fetched == null) {
                fetched = runtime.get();
            }
            try (Model model = fetched.load(request.checkpoint())) {
                return SteeredGeneration.run(model, request, workDir);
            }
        });
    }

    /**
     * Runs a task unless another one is running.
     *
     * @param task the work
     * @param <T> its result type
     * @return its result
     * @throws Busy if another task holds the playground
     */
    <T> T exclusively(Supplier<T> task) {
        if (!gate.tryAcquire()) {
            throw new Busy();
        }
        try {
            return task.get();
        } finally {
            gate.release();
        }
    }

    /** The refusal of a generation while another runs (HTTP 503). */
    public static final class Busy extends VivariumException {
        private static final long serialVersionUID = 1L;

        Busy() {
            super("another generation is running (the playground runs one at a time)",
                    "wait a few seconds for it to finish and submit again");
        }
    }
}
