package org.vivarium.plugin.steering;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.organisms.lm.LmOrganism;
import org.vivarium.runtime.DjlModelRuntime;

/**
 * A small real model for tests: the character-level {@code lm} organism trained briefly (seeded) once per
 * test JVM, under {@code target/test-models/lm}. Its runtime lives until the JVM exits.
 */
public final class SmallLm {
    private static final int STEPS = 30;
    private static DjlModelRuntime runtime;
    private static Path runDir;

    private SmallLm() {
    }

    /** @return the shared runtime (created on first use) */
    public static synchronized DjlModelRuntime runtime() {
        if (runtime == null) {
            runtime = new DjlModelRuntime();
        }
        return runtime;
    }

    /**
     * Returns the run directory of the trained model, training it on first use.
     *
     * @return a run directory holding {@code checkpoint/}
     * @throws Exception if training fails
     */
    public static synchronized Path runDir() throws Exception {
        if (runDir == null) {
            Path dir = Path.of("target", "test-models", "lm").toAbsolutePath();
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            new LmOrganism().train(new TrainRequest(3, STEPS, dir, false),
                    new OrganismContext(runtime(), new PrintStream(OutputStream.nullOutputStream()), false));
            runDir = dir;
        }
        return runDir;
    }
}
