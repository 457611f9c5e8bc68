package org.vivarium.launcher.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.checkpoint.ProvenanceJson;
import org.vivarium.launcher.audit.AuditFixtures;
import org.vivarium.organisms.ReportFiles;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;
import org.vivarium.report.plot.LinePlot;
import org.vivarium.report.table.CsvWriter;
import org.vivarium.report.table.Table;

/**
 * A runs directory written with the real writers: {@code induction} (an open-book run with provenance, a 1,200-step
 * {@code loss.csv} and a {@code loss.png}, and a check report with one passed and one failed finding),
 * {@code backdoor-blind} (a two-seed blind benchmark: leaderboard, per-seed audits, seed 1 with a checkpoint
 * provenance and a nested {@code base} run), and next to the runs directory an {@code outside} directory that a
 * symbolic link {@code runs/escape} points to.
 */
final class RunsFixture {
    /** A check finding that tries to inject markup into the run page. */
    static final String EVIL_FINDING = "induction head L1H3 <img src=x onerror=alert(1)> found";
    /** Steps in the induction run's loss curve. */
    static final int STEPS = 1200;

    private RunsFixture() {
    }

    /**
     * @param runs the runs directory to write (its parent gets {@code outside/})
     */
    static void write(Path runs) {
        try {
            Path ind = runs.resolve("induction");
            provenance(ind, "organism/induction", 7);
            loss(ind, STEPS);
            LinePlot.builder().title("loss").series("loss", new double[] {1, 2}, new double[] {4, 3}).build()
                    .write(ind.resolve("loss.png"));
            TruthCard card = new TruthCard("induction", "an induction head", List.of(
                    new Planted("induction-head", ClaimKind.CIRCUIT, "L1", "an induction head", Map.of())));
            new ReportFiles("Induction check", card).finding(true, EVIL_FINDING)
                    .finding(false, "prefix matching 0.31 < 0.5").metric("induction_score", 0.93).write(ind);
            Path blind = runs.resolve("backdoor-blind");
            AuditFixtures.blindBenchmark(blind, 1, 2);
            provenance(blind.resolve("seed-1"), "organism/backdoor", 1);
            provenance(blind.resolve("seed-1").resolve("base"), "organism/backdoor-base", 1);
            loss(blind.resolve("seed-1").resolve("base"), 40);
            Path outside = runs.getParent().resolve("outside");
            Files.createDirectories(outside.resolve("checkpoint"));
            Files.copy(ind.resolve("loss.png"), outside.resolve("secret.png"));
            Files.copy(ind.resolve("report.json"), outside.resolve("report.json"));
            Files.createSymbolicLink(runs.resolve("escape"), outside);
            Files.createDirectories(runs.resolve(".hidden"));
            Files.copy(ind.resolve("report.json"), runs.resolve(".hidden").resolve("report.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void provenance(Path run, String recipe, long seed) throws IOException {
        Files.createDirectories(run.resolve("checkpoint"));
        ProvenanceJson.write(run.resolve("checkpoint").resolve("provenance.json"), new Provenance("checkpoint", recipe,
                Map.of("train.steps", "1200", "note", "<b>bold</b>"), seed, "sha256:00", "0.1.0-SNAPSHOT+test", "",
                "2026-12-03T07:00:00Z", Map.of("java.version", "17")));
    }

    private static void loss(Path run, int steps) {
        Table t = Table.of("step", "loss", "lr", "grad_norm", "tokens_per_s");
        for (int s = 1; s <= steps; s++) {
            t.row(s, 4.0 * Math.exp(-s / 200.0) + 0.05, 1e-3, 0.5, 1000.0);
        }
        CsvWriter.write(t, run.resolve("loss.csv"));
    }
}
