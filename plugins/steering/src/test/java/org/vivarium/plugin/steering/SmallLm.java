package org.vivarium.plugin.steering;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.AuditData;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.organisms.lm.LmOrganism;
import org.vivarium.testkit.TestAuditTarget;
import org.vivarium.testkit.TestFiles;
import org.vivarium.testkit.TestRuntime;

/**
 * A small real model for tests: the character-level {@code lm} organism trained briefly (seeded) once per
 * test JVM, under {@code target/test-models/lm}, with the testkit's shared runtime.
 */
public final class SmallLm {
    private static final int STEPS = 30;
    private static Path runDir;

    private SmallLm() {
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
            TestFiles.deleteTree(dir);
            new LmOrganism().train(new TrainRequest(3, STEPS, dir, false),
                    new OrganismContext(TestRuntime.shared(), new PrintStream(OutputStream.nullOutputStream()), false));
            runDir = dir;
        }
        return runDir;
    }

    /**
     * An audit target built the way the host builds one from an organism's audit data (its prompt sets, meters and
     * decoding settings only): like the host's, it carries no answer key (no truth card, no planted layer).
     *
     * @param organism organism name
     * @param model the loaded model
     * @param checkpoint its checkpoint directory
     * @param outDir where the auditor writes
     * @param data the organism's audit data
     * @return the target
     */
    public static AuditTarget target(String organism, Model model, Path checkpoint, Path outDir, AuditData data) {
        return TestAuditTarget.builder(organism).model(model).checkpoint(checkpoint).outDir(outDir)
                .labelledPrompts(data.labelledPrompts()).contrast(data.positivePrompts(), data.negativePrompts())
                .behaviour(data.behaviour()).generation(data.generation()).coherence(data.extras().coherence())
                .build();
    }
}
