package org.vivarium.organisms.lm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.CheckResult;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.runtime.DjlModelRuntime;

/** The embedded corpus needs no download, and a short run already learns real English statistics. */
class LmOrganismTest {
    @TempDir
    Path dir;

    @Test
    void embeddedCorpusShipsInTheJar() {
        Corpus c = Corpus.embedded();
        assertTrue(c.text().length() > 1_000_000, "about 1.1 MB of text");
        assertTrue(c.text().contains("State of the Union") || c.text().contains("state of the Union"));
    }

    @Test
    void aShortRunBeatsTheUnigramBaseline() {
        LmOrganism o = new LmOrganism();
        try (DjlModelRuntime rt = new DjlModelRuntime()) {
            OrganismContext ctx = new OrganismContext(rt, new PrintStream(OutputStream.nullOutputStream()), false);
            TrainOutcome t = o.train(new TrainRequest(3, 150, dir.resolve("lm"), false), ctx);
            try (Model m = rt.load(t.checkpoint())) {
                CheckResult r = o.check(m, dir.resolve("lm"), ctx);
                double loss = r.metrics().get("validation_loss");
                assertTrue(loss < r.metrics().get("unigram_loss"), "loss " + loss + " vs unigram "
                        + r.metrics().get("unigram_loss"));
            }
        }
    }

    @Test
    void aMissingCorpusFileIsOneClearError() {
        VivariumException e = assertThrows(VivariumException.class, () -> Corpus.fromFile(dir.resolve("nope.txt")));
        assertTrue(e.getMessage().contains("nope.txt") && e.getMessage().contains("--corpus"), e.getMessage());
    }
}
