package org.vivarium.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.vivarium.organisms.builtin.BuiltInMethod;
import org.vivarium.plugin.cheat.PeekingAuditor;
import org.vivarium.plugin.probes.ProbesMethod;

/** Each rule of {@link ArchitectureTest} fails on a test class written to break it. */
class RulesCatchViolationsTest {
    private static final JavaClasses FIXTURES = new ClassFileImporter().importClasses(PeekingAuditor.class,
            PeekingAuditor.TruthCard.class, BuiltInMethod.class, ProbesMethod.class);

    private static void assertViolated(ArchRule rule, String expected) {
        EvaluationResult r = rule.evaluate(FIXTURES);
        assertTrue(r.hasViolation(), "the rule did not fire: " + rule.getDescription());
        String report = String.join("\n", r.getFailureReport().getDetails());
        assertTrue(report.contains(expected), "expected a violation naming " + expected + ":\n" + report);
    }

    @Test
    void aPluginUsingTheRuntimeOrAnOrganismIsCaught() {
        assertViolated(ArchitectureTest.PLUGINS_SEE_ONLY_THE_PLATFORM_API, "org.vivarium.runtime.DjlModelRuntime");
        assertViolated(ArchitectureTest.PLUGINS_SEE_ONLY_THE_PLATFORM_API, "org.vivarium.organisms.Organism");
    }

    @Test
    void aPluginHoldingATruthCardIsCaught() {
        assertViolated(ArchitectureTest.NO_PLUGIN_SEES_THE_TRUTH_CARD, "PeekingAuditor$TruthCard");
    }

    @Test
    void aPluginImportingWhatTheHostDoesNotExportIsCaught() {
        assertViolated(ArchitectureTest.PLUGINS_USE_ONLY_WHAT_THE_HOST_EXPORTS, "org.vivarium.runtime.DjlModelRuntime");
    }

    @Test
    void aPluginUsingAnotherPluginIsCaught() {
        assertViolated(ArchitectureTest.PLUGINS_ARE_INDEPENDENT, "org.vivarium.plugin.probes.ProbesMethod");
    }

    @Test
    void anOrganismUsingAPluginIsCaught() {
        assertViolated(ArchitectureTest.ORGANISMS_NEVER_USE_A_PLUGIN, "org.vivarium.plugin.probes.ProbesMethod");
    }

    @Test
    void anOrganismUsingTheRuntimeIsCaught() {
        assertViolated(ArchitectureTest.ORGANISMS_SEE_ONLY_THE_RUNTIME_API, "org.vivarium.runtime.DjlModelRuntime");
    }
}
