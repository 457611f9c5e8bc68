package org.vivarium.api.method;

import java.io.PrintStream;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.train.FineTuner;

/** What the host hands a running {@link MethodCommand}. */
@ProviderType
public interface MethodContext {
    /** @return the model runtime */
    ModelRuntime runtime();

    /**
     * Returns the fine-tuning service.
     *
     * @return the fine-tuner
     * @throws VivariumException if this host offers none
     */
    default FineTuner fineTuner() {
        throw new VivariumException("this host offers no fine-tuning service",
                "run the method from the viv launcher, which registers one");
    }

    /**
     * Opens an activation cache store (a directory such as {@code runs/cache}, the {@code viv cache} default),
     * creating it if it does not exist yet. The caller owns the cache and must close it.
     *
     * <pre>{@code
     * try (ActivationCache cache = ctx.openCache(ctx.workDir().resolve("runs/cache"));
     *         RowCursor rows = cache.rows("lm-text", "blocks.1.hook_resid_post")) { ... }
     * }</pre>
     *
     * @param store the store directory
     * @return the open cache; close it when done
     * @throws VivariumException if this host offers no activation cache, or the store is locked or damaged
     */
    default ActivationCache openCache(Path store) {
        throw new VivariumException("this host offers no activation cache",
                "run the method from the viv launcher, which opens runs/cache stores");
    }

    /**
     * Returns the host's analysis numerics (SVD, QR, gemm, ROC AUC, npy files, MLP classifiers), backed by ND4J and
     * Deeplearning4j on the host; plugins see only this interface.
     *
     * @return the linear-algebra service
     * @throws VivariumException if this host offers none
     */
    default LinearAlgebra linearAlgebra() {
        throw new VivariumException("this host offers no linear-algebra service",
                "run the method from the viv launcher (or the testkit's LocalMethodContext), which provide one");
    }

    /** @return where to print results for the user */
    PrintStream out();

    /** @return the working directory relative paths are resolved against */
    Path workDir();

    /**
     * Starts a progress display (bar, rate, ETA) for a long task.
     *
     * @param label what is running
     * @param total units of work, or -1 if unknown
     * @param unit the unit name, e.g. {@code tok} or {@code step}
     * @return a progress handle; close it when done
     */
    Progress progress(String label, long total, String unit);
}
