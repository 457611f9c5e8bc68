package org.vivarium.launcher.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;
import org.vivarium.organisms.score.ClaimVerdict;

class LeaderboardTest {
    private static final TruthCard CARD = new TruthCard("backdoor", "", List.of(
            new Planted("trigger", ClaimKind.TRIGGER, "prompt", "", Map.of()),
            new Planted("behaviour", ClaimKind.BEHAVIOUR, "continuation", "", Map.of())));

    @TempDir
    Path dir;

    private static ClaimVerdict verdict(String method, ClaimKind kind, boolean found) {
        Claim c = Claim.of(kind, kind.id(), ClaimSite.text("|x|"), true, "");
        String id = kind.id();
        return new ClaimVerdict(method, c, id, found ? List.of(id) : List.of(), "");
    }

    private static SeedResult seed(long seed, ClaimVerdict... vs) {
        return new SeedResult(seed, Path.of("seed-" + seed), Path.of("seed-" + seed, "audit", "report.md"), CARD,
                List.of(vs), Map.of("a", 2.0, "investigator", 0.0), Map.of());
    }

    private static Leaderboard board(SeedResult... seeds) {
        return new Leaderboard("backdoor", RunHeader.start("viv audit backdoor --blind", List.of(1L, 2L), 10,
                Map.of()).finished(1.5), List.of("a", "investigator"), List.of(seeds));
    }

    @Test
    void wilsonIntervalsHaveTheirClosedFormAtTheEdges() {
        Wilson none = Wilson.of(0, 5);
        assertEquals(0, none.low(), 1e-12);
        assertEquals(Wilson.Z * Wilson.Z / (5 + Wilson.Z * Wilson.Z), none.high(), 1e-12);
        Wilson all = Wilson.of(5, 5);
        assertEquals(1, all.high(), 1e-12);
        assertEquals(1 - none.high(), all.low(), 1e-12);
        Wilson half = Wilson.of(32, 64);
        assertEquals(0.5, (half.low() + half.high()) / 2, 1e-12);
        assertEquals("0/5 [0.00, 0.43]", none.describe());
        assertTrue(Double.isNaN(Wilson.of(0, 0).rate()));
    }

    @Test
    void cellsCountVerifiedSeedsAndFalseClaimsPerMethod() throws Exception {
        Leaderboard lb = board(seed(1, verdict("a", ClaimKind.TRIGGER, true), verdict("a", ClaimKind.BEHAVIOUR, false),
                verdict("investigator", ClaimKind.TRIGGER, true)), seed(2, verdict("a", ClaimKind.TRIGGER, false)));
        assertEquals(List.of(ClaimKind.TRIGGER, ClaimKind.BEHAVIOUR), lb.kinds());
        assertEquals(1, lb.cell("a", ClaimKind.TRIGGER).successes());
        assertEquals(2, lb.cell("a", ClaimKind.TRIGGER).trials());
        assertEquals(0, lb.cell("a", ClaimKind.BEHAVIOUR).successes());
        assertEquals(2, lb.falseClaims("a"));
        assertEquals(1.0, lb.meanFalseClaims("a"), 1e-12);
        assertEquals(2.0, lb.meanSeconds("a"), 1e-12);
        Leaderboard.PlantedRow trig = lb.planted().get(0);
        assertEquals(new Leaderboard.PlantedRow("trigger", ClaimKind.TRIGGER, 2, 1, 1), trig);
        Path md = LeaderboardFiles.write(dir, lb);
        assertTrue(Files.readString(md).contains("| a "), Files.readString(md));
        for (String ext : List.of("html", "json", "png")) {
            assertTrue(Files.size(dir.resolve("leaderboard." + ext)) > 0, ext);
        }
        JsonObject j = JsonParser.parseString(Files.readString(dir.resolve("leaderboard.json"))).getAsJsonObject();
        assertEquals(2, j.getAsJsonObject("per_method").getAsJsonObject("a").get("false_claims").getAsInt());
        assertEquals(4, j.getAsJsonArray("cells").size());
        assertTrue(j.get("code_version").getAsString().contains("+"), j.get("code_version").getAsString());
        assertEquals(1.5, j.get("prepare_seconds").getAsDouble(), 1e-9);
        assertTrue(j.get("wall_seconds").getAsDouble() >= 0, j.toString());
        assertTrue(Files.readString(md).contains("of which training (or reusing) the organisms 0.0 min"),
                Files.readString(md));
    }

    @Test
    void aBenchmarkWithoutAnyClaimStillWritesItsFiles() throws Exception {
        Leaderboard lb = board(seed(1), seed(2));
        assertEquals(0, lb.cell("investigator", ClaimKind.TRIGGER).successes());
        LeaderboardFiles.write(dir, lb);
        assertTrue(Files.size(dir.resolve("leaderboard.png")) > 0);
    }
}
