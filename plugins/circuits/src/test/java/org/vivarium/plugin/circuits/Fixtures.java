package org.vivarium.plugin.circuits;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.vivarium.api.train.TrainerSettings;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.induction.InductionOrganism;
import org.vivarium.organisms.induction.RepeatedTokens;
import org.vivarium.organisms.training.OrganismTrainer;
import org.vivarium.runtime.DjlModelRuntime;

/**
 * Models shared by the test classes of one JVM, trained once with the real runtime: the induction organism
 * ({@value #STEPS} steps, seed 1) and the same architecture after a single step (random weights, for the
 * negative control). Both live in a temporary directory removed when the JVM exits.
 */
public final class Fixtures {
    /** Training steps of the induction fixture. */
    public static final int STEPS = Integer.getInteger("circuits.fixture.steps", 400);
    /** Peak learning rate of the fixture (the organism's recipe uses 1e-3 over 2000 steps). */
    public static final float LR = Float.parseFloat(System.getProperty("circuits.fixture.lr", "3e-3"));

    private static DjlModelRuntime runtime;
    private static Path root;
    private static Path induction;
    private static Path untrained;

    private Fixtures() {
    }

    /** @return the shared runtime */
    public static synchronized DjlModelRuntime runtime() {
        if (runtime == null) {
            runtime = new DjlModelRuntime();
            try {
                root = Files.createTempDirectory("circuits-fixtures");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(Fixtures::cleanUp));
        }
        return runtime;
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
        DjlModelRuntime rt = runtime();
        OrganismContext ctx = new OrganismContext(rt, new PrintStream(OutputStream.nullOutputStream()), false);
        long t0 = System.nanoTime();
        TrainerSettings tc = new TrainerSettings(steps, 32, LR, 0.1f, Math.min(50, Math.max(1, steps / 10)), 0.01f, 0.9f,
                0.99f, 1e-8f, 1.0f, 1, steps);
        RepeatedTokens data = new RepeatedTokens(1, InductionOrganism.VOCAB, InductionOrganism.LENGTH, 4, 20);
        OrganismTrainer trainer = new OrganismTrainer("organism/induction", InductionOrganism.modelConfig(), tc, data,
                new SymbolTokenizer(InductionOrganism.VOCAB), Map.of("vocab", "48", "fixture", "circuits tests"));
        TrainOutcome o = trainer.run(root.resolve(name), false, ctx);
        System.out.printf("fixture %s: %d steps in %.1f s, final loss %.3f%n", name, steps,
                (System.nanoTime() - t0) / 1e9, o.finalLoss());
        return o.runDir();
    }

    /** @return a fresh directory under the fixtures' root */
    public static Path newDir(String name) {
        runtime();
        try {
            return Files.createTempDirectory(root, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void cleanUp() {
        if (runtime != null) {
            runtime.close();
        }
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // best effort: the OS temp directory is cleaned eventually
            }
        }
    }
}
