package org.vivarium.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.vivarium.cycle.egg.Egg;
import org.vivarium.cycle.hen.Hen;
import org.vivarium.organisms.builtin.BuiltInMethod;
import org.vivarium.plugin.cheat.PeekingAuditor;
import org.vivarium.plugin.probes.ProbesMethod;

/**
 * Each rule of {@link ArchitectureTest} and {@link PackageCyclesTest} fails on a test class written to break it.
 */
class RulesCatchViolationsTest {
    private static final JavaClasses FIXTURES = new ClassFileImporter().importClasses(PeekingAuditor.class,
            PeekingAuditor.TruthCard.class, BuiltInMethod.class, ProbesMethod.class);

    private static void assertViolated(ArchRule rule, String expected) {
        assertViolated(rule, FIXTURES, expected);
    }

    private static void assertViolated(ArchRule rule, JavaClasses fixtures, String expected) {
        EvaluationResult r = rule.evaluate(fixtures);
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
    void aPluginMainClassUsingTheTestkitIsCaught() {
        assertViolated(ArchitectureTest.PLUGINS_SEE_ONLY_THE_PLATFORM_API, "org.vivarium.testkit.LocalMethodContext");
        assertViolated(ArchitectureTest.PLUGINS_USE_ONLY_WHAT_THE_HOST_EXPORTS,
                "org.vivarium.testkit.LocalMethodContext");
    }

    /**
     * Plugin tests run their commands through the testkit: the rules import main classes only, so a test class
     * (such as this module's own fixtures, compiled to test-classes) is never checked.
     */
    @Test
    void pluginTestClassesMayUseTheTestkit() {
        JavaClasses checked = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vivarium.plugin.cheat");
        assertFalse(checked.contain(PeekingAuditor.class), "a test class was imported as a main class");
        assertTrue(new ClassFileImporter().importPackages("org.vivarium.plugin.cheat").contain(PeekingAuditor.class));
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

    @Test
    void aPluginImportingAnUnexportedPackageOfAnApiBundleIsCaught() {
        assertFalse(HostExports.packages().contains("org.vivarium.report.internal"), HostExports.packages()::toString);
        assertTrue(HostExports.packages().contains("org.vivarium.api.method"), HostExports.packages()::toString);
        assertViolated(ArchitectureTest.PLUGINS_USE_ONLY_WHAT_THE_HOST_EXPORTS,
                "org.vivarium.report.internal.Numbers");
    }

    @Test
    void aPackageCycleIsCaught() {
        JavaClasses cycle = new ClassFileImporter().importClasses(Hen.class, Egg.class);
        assertViolated(PackageCyclesTest.NO_PACKAGE_CYCLES, cycle, "Cycle detected: cycle.egg -> ");
    }
}
