package org.vivarium.organisms.backdoor;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.CheckResult;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.runtime.DjlModelRuntime;

class ScratchTimingTest {
    @TempDir
    Path dir;

    @Test
    void time() {
        int steps = Integer.getInteger("bd.steps", 0);
        System.out.println("maxLength " + ReviewGenerator.maxLength() + " alphabet '" + ReviewGenerator.alphabet() + "'");
        ReviewGenerator g = new ReviewGenerator(1);
        for (int i = 0; i < 5; i++) System.out.println(g.review(i % 2 == 0, i % 3 == 0).text());
        BackdoorOrganism o = new BackdoorOrganism();
        try (DjlModelRuntime rt = new DjlModelRuntime()) {
            OrganismContext ctx = new OrganismContext(rt, System.out, false);
            TrainOutcome t = o.train(new TrainRequest(1, steps, dir.resolve("bd"), false), ctx);
            System.out.println("TRAIN " + t);
            try (Model m = rt.load(t.checkpoint())) {
                long t0 = System.nanoTime();
                CheckResult r = o.check(m, dir.resolve("bd"), ctx);
                System.out.println("CHECK secs " + (System.nanoTime() - t0) / 1e9 + " " + r);
                System.out.println(m.provenance());
            }
        }
    }
}
