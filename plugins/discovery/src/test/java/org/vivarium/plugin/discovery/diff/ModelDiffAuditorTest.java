package org.vivarium.plugin.discovery.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.model.Model;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.Meters;
import org.vivarium.testkit.TestAuditTarget;
import org.vivarium.testkit.TinyCheckpoint;

/** What the blind model diff says when a target lacks what it needs, on tiny real models. */
class ModelDiffAuditorTest {
    private static final List<String> CORPUS = List.of("q: is it good? a:", "q: what now? a:", "q: why so? a:");

    @TempDir
    Path work;

    private AuditSection audit(TestAuditTarget.Builder target) throws Exception {
        return new ModelDiffAuditor(null).audit(target.outDir(work.resolve("audit")).build(),
                LocalMethodContext.in(work));
    }

    private static void assertNotMeasured(AuditSection s, String why) {
        assertEquals(1, s.claims().size());
        Claim c = s.claims().get(0);
        assertFalse(c.supported());
        assertEquals("not measured: " + why, c.evidence());
    }

    @Test
    void withoutABaseModelNothingIsMeasured() throws Exception {
        TinyCheckpoint tiny = TinyCheckpoint.over(String.join("", CORPUS)).context(32);
        try (Model model = LocalMethodContext.in(work).runtime().load(tiny.writeTo(work.resolve("audited")))) {
            AuditSection s = audit(TestAuditTarget.builder("toy").model(model)
                    .blind(CORPUS, Map.of("never", Meters.never("never"))));
            assertNotMeasured(s, "needs a base checkpoint and a generic corpus; this target has no base and 3 corpus"
                    + " prompts");
        }
    }

    @Test
    void promptsThatTakeNoInsertedTextAndComeInNoSetsAreNotDiffed() throws Exception {
        TinyCheckpoint tiny = TinyCheckpoint.over(String.join("", CORPUS)).context(32);
        LocalMethodContext ctx = LocalMethodContext.in(work);
        try (Model base = ctx.runtime().load(tiny.seed(1).writeTo(work.resolve("base")));
                Model audited = ctx.runtime().load(tiny.seed(2).writeTo(work.resolve("audited")))) {
            AuditSection s = audit(TestAuditTarget.builder("toy").model(audited)
                    .comparisonModels(Map.of("base", base)).blind(CORPUS, Map.of()));
            assertNotMeasured(s, "the organism's prompts take no inserted text and come in no named sets");
        }
    }
}
