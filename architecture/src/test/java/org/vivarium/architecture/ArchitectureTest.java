package org.vivarium.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of DESIGN.md and docs/PLUGINS.md, checked on the compiled main classes of the
 * organisms and of every method plugin (test classes are exempt: a plugin's tests may train a real model).
 * {@link EveryPluginIsCheckedTest} makes sure no plugin module is missing from the classes checked, and
 * {@link RulesCatchViolationsTest} that each rule fails on a class that breaks it.
 */
@AnalyzeClasses(packages = {"org.vivarium.plugin", "org.vivarium.organisms"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String PLUGINS = "org.vivarium.plugin..";

    /**
     * A plugin sees only the platform API: DJL, the runtime, checkpoint IO, MapDB, Lucene and the testkit never
     * cross it. (A plugin's tests may use all of them; these rules read main classes only.)
     */
    @ArchTest
    static final ArchRule PLUGINS_SEE_ONLY_THE_PLATFORM_API = noClasses().that().resideInAPackage(PLUGINS)
            .should().dependOnClassesThat().resideInAnyPackage("org.vivarium.organisms..", "org.vivarium.runtime..",
                    "org.vivarium.checkpoint..", "org.vivarium.cache..", "org.vivarium.index..",
                    "org.vivarium.testkit..", "ai.djl..")
            .because("a method plugin compiles against vivarium-api only (plus vivarium-report): models,"
                    + " activations, the activation cache and the context index reach it as API interfaces and"
                    + " Tensors; vivarium-testkit is a test-scope dependency for the plugin's tests");

    /** An auditor never sees the truth card or where anything was planted. */
    @ArchTest
    static final ArchRule NO_PLUGIN_SEES_THE_TRUTH_CARD = noClasses().that().resideInAPackage(PLUGINS)
            .should().dependOnClassesThat().haveSimpleName("TruthCard")
            .orShould().dependOnClassesThat().haveSimpleName("Planted")
            .because("an auditor must find the trigger, the planted layer and the fine-tune domain from its own"
                    + " measurements; the card lives host-side (org.vivarium.organisms.card) and scores the claims");

    /**
     * A plugin bundle resolves only the JRE, OSGi and what the host exports: the packages in the host's
     * {@code org.osgi.framework.system.packages.extra} ({@link HostExports}), which are the {@code @Export}ed
     * packages of vivarium-api and vivarium-report (not, say, {@code org.vivarium.report.internal}), SLF4J and the
     * servlet API.
     */
    @ArchTest
    static final ArchRule PLUGINS_USE_ONLY_WHAT_THE_HOST_EXPORTS = classes().that().resideInAPackage(PLUGINS)
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "org.osgi..", PLUGINS)
                    .or(HostExports.resideInAPackageTheHostExports()))
            .because("the host exports to bundles only the packages its classpath jars declare in Export-Package"
                    + " (FrameworkConfig.EXPORTED_PREFIXES selects which); any other import would not resolve in the"
                    + " framework");

    /** Each plugin is its own bundle: plugins do not use one another. */
    @ArchTest
    static final ArchRule PLUGINS_ARE_INDEPENDENT = slices().matching("org.vivarium.plugin.(*)..")
            .should().notDependOnEachOther()
            .because("a plugin exports nothing, so one bundle cannot load another's classes, and each method"
                    + " must be installable and removable on its own");

    /** Organisms are raised and scored by the host; the methods that audit them are plugged in. */
    @ArchTest
    static final ArchRule ORGANISMS_NEVER_USE_A_PLUGIN = noClasses().that().resideInAPackage("org.vivarium.organisms..")
            .should().dependOnClassesThat().resideInAPackage(PLUGINS)
            .because("an organism and its truth card must not depend on the methods that audit it");

    /** Organisms train, fine-tune and load models through the platform API, never the DJL runtime itself. */
    @ArchTest
    static final ArchRule ORGANISMS_SEE_ONLY_THE_RUNTIME_API = noClasses()
            .that().resideInAPackage("org.vivarium.organisms..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vivarium.runtime..", "ai.djl..")
            .because("an organism gets the host's one runtime as org.vivarium.api.model.ModelRuntime (with its"
                    + " trainer() and fineTuner()); vivarium-runtime is only a test dependency of organisms");
}
