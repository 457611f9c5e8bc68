package org.vivarium.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * ONNX Runtime is a reference, never a second runtime: only {@code viv bench forward --model minilm}
 * ({@code org.vivarium.launcher.bench}) uses it in main code (the importer's tests use it too), and the host never
 * exports it to plugins ({@link HostExports}).
 */
class ReferenceEngineTest {
    /** Main classes outside the launcher's benchmarks do not touch ONNX Runtime. */
    static final ArchRule ONNX_RUNTIME_ONLY_IN_THE_BENCHMARK = noClasses()
            .that().resideOutsideOfPackage("org.vivarium.launcher.bench")
            .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..")
            .because("models run in Vivarium's hooked DJL runtime; ONNX Runtime only checks it (importer tests) and"
                    + " times it (viv bench), and plugins see only what the host exports");

    @Test
    void onlyTheBenchmarkUsesOnnxRuntime() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vivarium");
        assertTrue(main.contain("org.vivarium.launcher.bench.OrtEncoder"), "the benchmark's classes are checked");
        ONNX_RUNTIME_ONLY_IN_THE_BENCHMARK.check(main);
    }

    @Test
    void theHostDoesNotExportIt() {
        assertFalse(HostExports.packages().stream().anyMatch(p -> p.startsWith("ai.onnxruntime")),
                HostExports.packages().toString());
    }

    @Test
    void theRuleCatchesAnotherPackageUsingIt() {
        EvaluationResult r = ONNX_RUNTIME_ONLY_IN_THE_BENCHMARK.evaluate(new ClassFileImporter().importClasses(
                SecondRuntime.class));
        assertTrue(r.hasViolation(), "the rule did not fire");
        assertTrue(String.join("\n", r.getFailureReport().getDetails()).contains("ai.onnxruntime.OrtEnvironment"));
    }

    /** A class outside the benchmark that would run models in ONNX Runtime. */
    static final class SecondRuntime {
        ai.onnxruntime.OrtEnvironment env;
    }
}
