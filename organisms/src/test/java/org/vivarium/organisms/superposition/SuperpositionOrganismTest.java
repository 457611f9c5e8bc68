package org.vivarium.organisms.superposition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.organisms.CheckResult;
import org.vivarium.organisms.OrganismCatalog;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.TrainRequest;

/**
 * Raises the superposition sweep at test size (1,500 steps per sparsity at a raised learning rate instead of
 * 10,000 at 1e-3; about 5 s on 2 cores) and checks the phase change: about m features when dense, many more in
 * superposition when sparse.
 */
class SuperpositionOrganismTest {
    private static final int M = SuperpositionOrganism.HIDDEN;
    private static final int STEPS = 1500;
    @TempDir
    static Path dir;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static OrganismContext ctx;
    private static TrainOutcome outcome;
    private static CheckResult check;

    @BeforeAll
    static void raise() {
        ctx = new OrganismContext(null, new PrintStream(LOG, true, StandardCharsets.UTF_8), false);
        SuperpositionOrganism o = new SuperpositionOrganism();
        outcome = o.train(new TrainRequest(1, STEPS, dir.resolve("run"), false, Map.of("lr", "0.01")), ctx);
        check = o.checkRun(dir.resolve("run"), ctx).orElseThrow();
    }

    @Test
    void thePhaseChangeIsMeasured() {
        double dense = check.metrics().get("represented_densest");
        double sparse = check.metrics().get("represented_sparsest");
        assertTrue(dense <= M + 1, "dense features should get about m directions: " + dense + "\n" + LOG);
        assertTrue(sparse > M, "sparse features should be in superposition: " + sparse);
        assertTrue(check.metrics().get("dims_per_feature_sparsest") < check.metrics().get("dims_per_feature_densest"),
                "m / ||W||_F^2 should fall with sparsity: " + check.metrics());
        assertTrue(check.passed(), "the truth card's thresholds should hold: " + String.join("\n", check.findings()));
    }

    @Test
    void theRunIsWrittenAndReadable() throws Exception {
        Path ckpt = outcome.checkpoint();
        for (double d : SweepConfig.DENSITIES) {
            assertTrue(Files.isRegularFile(ckpt.resolve(SweepFiles.fileName(d))), "missing model for 1-S=" + d);
            String stem = "density-" + SweepConfig.label(d);
            assertTrue(Files.size(ckpt.resolve(stem + ".features.npy")) == 128 + 4L * 20 * M, stem + " features");
            assertTrue(Files.size(dir.resolve("run/activations").resolve(stem + ".npy"))
                    == 128 + 4L * HiddenActivations.ROWS * M, stem + " activations");
        }
        assertTrue(Files.isRegularFile(ckpt.resolve("provenance.json")));
        SweepFiles.Sweep sweep = SweepFiles.read(ckpt);
        assertEquals(SweepConfig.DENSITIES, sweep.config().densities());
        assertEquals(STEPS, sweep.config().steps());
        assertEquals("organism/superposition", sweep.provenance().recipe());
        for (String f : List.of("report.md", "report.html", "report.json", "geometry.png", "dimensionality.png",
                "feature_dimensionality.png", "loss.png", "loss.csv")) {
            assertTrue(Files.size(dir.resolve("run").resolve(f)) > 0, f);
        }
        assertTrue(LOG.toString(StandardCharsets.UTF_8).contains("represented"), "progress and a summary are printed");
    }

    @Test
    void theCheckFailsOnUntrainedWeights() {
        SweepConfig cfg = new SweepConfig(20, M, 0.9, List.of(1.0, 0.001), 1, 1, 1e-3);
        List<SweepFiles.Entry> entries = new ArrayList<>();
        for (double d : cfg.densities()) {
            entries.add(new SweepFiles.Entry(d, ToyModel.initial(M, 20, new SplittableRandom(7)), Double.NaN));
        }
        SweepFiles.Sweep sweep = new SweepFiles.Sweep(cfg, entries, null);
        CheckResult r = SuperpositionCheck.run(new SuperpositionOrganism().truthCard(), sweep, dir.resolve("untrained"));
        assertFalse(r.passed(), String.join("\n", r.findings()));
        assertTrue(r.findings().get(0).startsWith("FAIL"), "random W is not m orthogonal features: " + r.findings());
    }

    @Test
    void trainingIsSeeded() {
        SweepConfig cfg = new SweepConfig(20, M, 0.9, List.of(0.1), 20, 64, 1e-2);
        double[][] a = ToyTrainer.train(cfg, 0.1, 5, null).model().weights();
        double[][] b = ToyTrainer.train(cfg, 0.1, 5, null).model().weights();
        double[][] c = ToyTrainer.train(cfg, 0.1, 6, null).model().weights();
        for (int k = 0; k < M; k++) {
            assertArrayEquals(a[k], b[k]);
        }
        assertFalse(java.util.Arrays.equals(a[0], c[0]));
    }

    @Test
    void theHandWrittenGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        ToyModel model = ToyModel.initial(3, 6, rng.split());
        for (int i = 0; i < 6; i++) {
            model.b[i] = 0.1 * (i - 2);
        }
        double[][] batch = new SparseFeatures(6, 0.5, rng.split()).batch(8);
        double[] imp = new SweepConfig(6, 3, 0.9, List.of(0.5), 1, 8, 1e-3).importance();
        double[][] gw = new double[3][6];
        double[] gb = new double[6];
        model.lossAndGradient(batch, imp, gw, gb);
        double eps = 1e-6;
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 6; i++) {
                double keep = model.w[k][i];
                model.w[k][i] = keep + eps;
                double up = model.lossAndGradient(batch, imp, new double[3][6], new double[6]);
                model.w[k][i] = keep - eps;
                double down = model.lossAndGradient(batch, imp, new double[3][6], new double[6]);
                model.w[k][i] = keep;
                assertEquals((up - down) / (2 * eps), gw[k][i], 1e-5, "dL/dW[" + k + "][" + i + "]");
            }
        }
        for (int i = 0; i < 6; i++) {
            double keep = model.b[i];
            model.b[i] = keep + eps;
            double up = model.lossAndGradient(batch, imp, new double[3][6], new double[6]);
            model.b[i] = keep - eps;
            double down = model.lossAndGradient(batch, imp, new double[3][6], new double[6]);
            model.b[i] = keep;
            assertEquals((up - down) / (2 * eps), gb[i], 1e-5, "dL/db[" + i + "]");
        }
    }

    @Test
    void itIsRegisteredAndRefusesTransformerChecks() {
        assertEquals("superposition", OrganismCatalog.builtIn().find("superposition").name());
        assertThrows(VivariumException.class, () -> new SuperpositionOrganism().check(null, dir, ctx));
        assertThrows(VivariumException.class, () -> new SuperpositionOrganism().checkRun(dir.resolve("nothing"), ctx));
        assertThrows(VivariumException.class, () -> new SuperpositionOrganism().train(
                new TrainRequest(1, 1, dir.resolve("bad"), false, Map.of("corpus", "x")), ctx));
    }
}
