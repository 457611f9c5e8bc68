package org.vivarium.plugin.sae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.organisms.superposition.SuperpositionOrganism;
import org.vivarium.report.io.JsonReader;
import org.vivarium.testkit.LocalMethodContext;

/**
 * {@code viv sae groundtruth} as the host runs it, on a real superposition organism raised at test size (1,500
 * steps of 256 inputs per sparsity at lr 0.01) and a short SAE run (1,000 steps).
 */
class GroundTruthEndToEndTest {
    @TempDir
    static Path work;
    private static LocalMethodContext ctx;
    private static Map<String, Object> json;

    @BeforeAll
    static void raiseAndScore() throws Exception {
        OrganismContext octx = new OrganismContext(null, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), false);
        new SuperpositionOrganism().train(new TrainRequest(1, 1500, work.resolve("runs/superposition"), false,
                Map.of("lr", "0.01", "batch", "256")), octx);
        ctx = LocalMethodContext.in(work);
        assertEquals(0, ctx.run(new GroundTruthCommand(), "--steps", "1000", "--out", "gt"));
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) JsonReader.parse(Files.readString(
                work.resolve("gt/groundtruth.json")));
        json = parsed;
    }

    @Test
    void theSaeRecoversTheOrganismsFeaturesFarAboveChance() {
        double mmcs = ((Number) json.get("mmcs")).doubleValue();
        double control = ((Number) json.get("mmcs_random_control")).doubleValue();
        assertTrue(mmcs > 0.9, "a TopK k=1 SAE should find the sparse features' directions: " + ctx.output());
        assertTrue(mmcs > control + 0.05, "learned " + mmcs + " vs random " + control);
        int represented = ((Number) json.get("represented_features")).intValue();
        assertTrue(represented > SuperpositionOrganism.HIDDEN, "1-S = 0.01 is in superposition: " + represented);
        assertEquals(represented, ((List<?>) json.get("per_feature")).size());
        assertTrue(ctx.output().contains("MMCS"), ctx.output());
    }

    @Test
    void theWeightsAndReportAreWritten() throws Exception {
        for (String f : List.of("report.md", "groundtruth.json", "W_dec.npy")) {
            assertTrue(Files.size(work.resolve("gt").resolve(f)) > 0, f);
        }
        assertEquals(40, ctx.linearAlgebra().readNpy(work.resolve("gt/W_dec.npy")).rows());
    }

    @Test
    void aRunWithoutActivationsIsOneClearError() {
        VivariumException e = assertThrows(VivariumException.class,
                () -> ctx.run(new GroundTruthCommand(), "--run", "runs/none"));
        assertTrue(e.getMessage().contains("density-0.01.npy"), e.getMessage());
        assertTrue(e.fix().contains("viv organism train superposition"), e.fix());
    }
}
