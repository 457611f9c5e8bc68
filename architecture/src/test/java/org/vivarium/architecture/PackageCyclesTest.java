package org.vivarium.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.vivarium.api.model.ModelRuntime;

/**
 * No package cycles in the main code of any module (API, platform, organisms, plugins, launcher): each package is a
 * slice, and the dependencies between slices must form a DAG. A cycle is broken by moving the type that causes the
 * back-edge down, or by an interface in the lower package (as {@code api.train.TrainingProgress} did for
 * {@code api.method <-> api.train}, and {@code runtime.nd} for {@code runtime.model <-> runtime.hook}).
 * {@link EveryModuleIsCheckedTest} makes sure every module's classes are imported; {@link RulesCatchViolationsTest}
 * that the rule fires.
 */
@AnalyzeClasses(packages = "org.vivarium", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {
    /**
     * Every package of {@code org.vivarium} is a slice, and no slice depends on itself through others.
     *
     * <p>Two known back-edges are waived, each a single named dependency, so a new cycle through the same packages
     * still fails:
     * <ul>
     *   <li>{@link ModelRuntime#trainer()} and {@link ModelRuntime#fineTuner()} return {@code api.train} types,
     *       while {@code api.train.PretrainRequest} holds a {@code ModelConfig} and {@code Tokenizer}. The fix (a
     *       {@code TrainingRuntime} in {@code api.train} that extends {@code ModelRuntime}, a major bump of
     *       {@code api.model}) changes the launcher's command classes, which are being moved to picocli.</li>
     *   <li>{@code organisms.OrganismCatalog} lists the organisms of the sub-packages, which implement
     *       {@code organisms.Organism}. The fix (the catalog in its own package) changes the same command
     *       classes.</li>
     * </ul>
     */
    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.vivarium.(**)")
            .namingSlices("$1")
            .should().beFreeOfCycles()
            .ignoreDependency(type(ModelRuntime.class), resideInAPackage("org.vivarium.api.train"))
            .ignoreDependency(type(org.vivarium.organisms.OrganismCatalog.class),
                    resideInAPackage("org.vivarium.organisms.*"))
            .because("a package cycle makes the packages one unit: none can be understood, tested, versioned or"
                    + " moved to another bundle alone");
}
