package org.vivarium.plugin.circuits;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.vivarium.api.train.TrainerSettings;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.induction.InductionOrganism;
import org.vivarium.organisms.induction.RepeatedTokens;
import org.vivarium.organisms.training.OrganismTrainer;
import org.vivarium.testkit.TestFiles;
import org.vivarium.testkit.TestRuntime;

/**
 * Models shared by the test classes of one JVM, trained once with the real runtime: the induction organism
 * ({@value #STEPS} steps, seed 1) and the same architecture after a single step (random weights, for the
 * negative control). Both live in a testkit scratch directory removed when the JVM exits.
 */
public final class Fixtures {
    /** Training steps of the induction fixture. */
    public static final int STEPS = Integer.getInteger("circuits.fixture.steps", 400);
    /** Peak learning rate of the fixture (the organism's recipe uses 1e-3 over 2000 steps). */
    public static final float LR = Float.parseFloat(System.getProperty("circuits.fixture.lr", "3e-3"));

    private static Path induction;
    private static Path untrained;

    private Fixtures() {
    }

    /** @return the trained induction checkpoint */
    public static synchronized Path induction() {
        if (induction == null) {
            induction = train("induction", STEPS);
        }
        return induction;
    }

    /** @return the induction architecture after one training step: random weights */
    public static synchronized Path untrained() {
        if (untrained == null) {
            untrained = train("untrained", 1);
        }
        return untrained;
    }

    private static Path train(String name, int steps) {
        OrganismContext ctx = new OrganismContext(TestRuntime.shared(),
                new PrintStream(OutputStream.nullOutputStream()), false);
        long t0 = System.nanoTime();
        TrainerSettings tc = new TrainerSettings(steps, 32, LR, 0.1f, Math.min(50, Math.max(1, steps / 10)), 0.01f, 0.9f,
                0.99f, 1e-8f, 1.0f, 1, steps);
        RepeatedTokens data = new RepeatedTokens(1, InductionOrganism.VOCAB, InductionOrganism.LENGTH, 4, 20);
        OrganismTrainer trainer = new OrganismTrainer("organism/induction", InductionOrganism.modelConfig(), tc, data,
                new SymbolTokenizer(InductionOrganism.VOCAB), Map.of("vocab", "48", "fixture", "circuits tests"));
        TrainOutcome o = trainer.run(TestFiles.scratchDir("fixture").resolve(name), false, ctx);
        System.out.printf("fixture %s: %d steps in %.1f s, final loss %.3f%n", name, steps,
                (System.nanoTime() - t0) / 1e9, o.finalLoss());
        return o.runDir();
    }
}
