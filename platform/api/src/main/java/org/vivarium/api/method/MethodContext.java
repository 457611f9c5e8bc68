package org.vivarium.api.method;

import java.io.PrintStream;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;
import org.vivarium.api.model.ModelRuntime;

/** What the host hands a running {@link MethodCommand}. */
@ProviderType
public interface MethodContext {
    /** @return the model runtime */
    ModelRuntime runtime();

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
