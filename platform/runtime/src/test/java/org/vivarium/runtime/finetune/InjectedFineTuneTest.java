package org.vivarium.runtime.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.api.train.AdapterSpec;
import org.vivarium.api.train.FineTuneRequest;
import org.vivarium.api.train.FineTuneResult;
import org.vivarium.api.train.Injection;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.finetune.FineTuneFixtures.RecordingProgress;
import org.vivarium.runtime.train.Batch;

/**
 * A decoder fine-tuned on examples whose only informative input is an injected vector learns to read it: the
 * prompt is a placeholder the tokenizer does not know ({@code #}, the unknown token) plus a fixed question, and
 * the answer ({@code y} or {@code n}) depends only on the sign of the hidden direction in the injected vector.
 */
class InjectedFineTuneTest {
    private static final String PROMPT = "# Q:";
    private static final String SITE = "blocks.0.hook_resid_pre";

    @TempDir
    static Path shared;
    private static DjlModelRuntime rt;
    private static Path base;

    @BeforeAll
    static void setUp() {
        rt = new DjlModelRuntime();
        base = FineTuneFixtures.writeBase(shared.resolve("base"), rt);
    }

    @AfterAll
    static void tearDown() {
        rt.close();
    }

    /** {@code sign * u + noise}: the unit direction u has norm 2 after scaling; the noise has norm about 1. */
    private static float[] vector(float[] u, int sign, SplittableRandom r) {
        float[] v = new float[u.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2f * sign * u[i] + (float) (r.nextGaussian() / Math.sqrt(v.length));
        }
        return v;
    }

    private static float[] unit(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] u = new float[d];
        double n = 0;
        for (int i = 0; i < d; i++) {
            u[i] = (float) r.nextGaussian();
            n += u[i] * u[i];
        }
        for (int i = 0; i < d; i++) {
            u[i] /= (float) Math.sqrt(n);
        }
        return u;
    }

    private static List<TrainingExample> signTask(float[] u, boolean inject) {
        SplittableRandom r = new SplittableRandom(11);
        List<TrainingExample> train = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            int sign = i % 2 == 0 ? 1 : -1;
            float[] v = vector(u, sign, r);
            train.add(new TrainingExample(PROMPT, sign > 0 ? " y\n" : " n\n",
                    inject ? List.of(new Injection(SITE, 0, v)) : List.of()));
        }
        return train;
    }

    private static FineTuneResult tune(List<TrainingExample> train, String name) {
        FineTuneRequest req = new FineTuneRequest(base, train, AdapterSpec.full(), 80, 16, 1e-2, 3,
                shared.resolve(name), "test/read-injection");
        return new DjlFineTuner(rt::manager).fineTune(req, new RecordingProgress());
    }

    @Test
    void aDecoderTrainedWithInjectionsAnswersFromTheInjectedVectorAlone() {
        float[] u = unit(FineTuneFixtures.CFG.dModel(), 5);
        // the answer is one of 3 completion tokens (" ", "y|n", "\n"); a decoder blind to the vector can at best
        // put 1/2 on each answer: ln(2)/3 nats per completion token
        double blindFloor = Math.log(2) / 3;
        FineTuneResult blind = tune(signTask(u, false), "blind");
        assertTrue(blind.lastLoss() > 0.8 * blindFloor, "without injections: " + blind.lastLoss());
        FineTuneResult res = tune(signTask(u, true), "decoder");
        assertTrue(res.lastLoss() < 0.3 * blindFloor, "with injections: " + res.firstLoss() + " -> " + res.lastLoss());
        try (Model m = rt.load(res.checkpoint())) {
            assertEquals("64", m.provenance().settings().get("finetune.injected_examples"));
            int[] prompt = m.tokenizer().encode(PROMPT + " ");
            int yes = m.tokenizer().encode("y")[0];
            int no = m.tokenizer().encode("n")[0];
            int correct = 0;
            int n = 40;
            SplittableRandom held = new SplittableRandom(99);
            for (int i = 0; i < n; i++) {
                int sign = i % 2 == 0 ? 1 : -1;
                Hook inject = Hook.add(new HookName(SITE), vector(u, sign, held), 1f).atPositions(0);
                Tensor logits = m.runWithHooks(new int[][] {prompt}, List.of(inject));
                float[] last = logits.row(0, prompt.length - 1);
                int said = last[yes] > last[no] ? 1 : -1;
                correct += said == sign ? 1 : 0;
            }
            assertEquals(n, correct, "held-out accuracy must be 1.0 (" + correct + "/" + n + ")");
        }
    }

    @Test
    void injectionsReachTheirBatchRowsAndShiftWhenThePromptIsCut() {
        float[] v = {1f, 2f};
        TrainingExample ex = new TrainingExample("abcdef", "gh", List.of(new Injection(SITE, 3, v)));
        EncodedExample e = EncodedExample.encode(ex, 0, FineTuneFixtures.TOKENIZER, 5);
        assertEquals(1, e.injections().size());
        assertEquals(3 - 3, e.injections().get(0).position(), "three prompt tokens were cut to fit n_ctx=5");
        VivariumException cut = assertThrows(VivariumException.class, () -> EncodedExample.encode(
                new TrainingExample("abcdef", "gh", List.of(new Injection(SITE, 2, v))), 4, FineTuneFixtures.TOKENIZER, 5));
        assertTrue(cut.getMessage().contains("example 4") && cut.getMessage().contains("cut"), cut.getMessage());

        List<TrainingExample> two = List.of(new TrainingExample("ab", "c", List.of(new Injection(SITE, 1, v))),
                new TrainingExample("hi", "e"));
        ExampleBatches data = ExampleBatches.of(two, FineTuneFixtures.TOKENIZER, 16, 1);
        for (int step = 1; step <= 4; step++) {
            Batch b = data.batch(step, 4);
            int injectedRows = 0;
            for (int row = 0; row < 4; row++) {
                boolean isFirst = b.tokens()[row][0] == FineTuneFixtures.TOKENIZER.encode("a")[0];
                final int rr = row;
                long hits = b.injections().stream().filter(i -> i.row() == rr).count();
                assertEquals(isFirst ? 1 : 0, hits, "step " + step + " row " + row);
                injectedRows += (int) hits;
            }
            assertEquals(injectedRows, b.injections().size());
            b.injections().forEach(i -> assertEquals(1, i.position()));
        }
        assertNotEquals(FineTuneProvenance.dataHash(two), FineTuneProvenance.dataHash(
                List.of(new TrainingExample("ab", "c"), new TrainingExample("hi", "e"))),
                "injections are part of the data hash");
    }

    @Test
    void anInjectionOfTheWrongWidthIsRefusedBeforeTraining() {
        Path out = shared.resolve("bad-width");
        FineTuneRequest req = new FineTuneRequest(base, List.of(new TrainingExample(PROMPT, " y\n",
                List.of(new Injection(SITE, 0, new float[3])))), AdapterSpec.full(), 2, 2, 1e-3, 1, out, "test/bad");
        VivariumException e = assertThrows(VivariumException.class,
                () -> new DjlFineTuner(rt::manager).fineTune(req, new RecordingProgress()));
        assertTrue(e.getMessage().contains("example 0") && e.getMessage().contains("width "
                + FineTuneFixtures.CFG.dModel()), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
