package org.vivarium.launcher.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

class PluginProblemsTest {

    @Test
    void versionedMissingImportNamesPackageAndRange() {
        BundleException e = new BundleException("Unable to resolve p [5](R 5.0): missing requirement [p [5](R 5.0)] "
                + "osgi.wiring.package; (&(osgi.wiring.package=org.vivarium.api.method)(version>=2.0.0)(!(version>=3.0.0))) "
                + "Unresolved requirements: [[p [5](R 5.0)] osgi.wiring.package; (...)]", BundleException.RESOLVE_ERROR);
        assertEquals("cannot resolve: it imports package org.vivarium.api.method (version 2.0.0 to below 3.0.0), "
                + "which neither the platform nor another plugin exports", PluginProblems.start(e));
    }

    @Test
    void otherMissingRequirementsAreQuotedWithoutTheUnresolvedTail() {
        BundleException e = new BundleException("Unable to resolve p [5](R 5.0): missing requirement [p [5](R 5.0)] "
                + "osgi.extender; (osgi.extender=osgi.component) Unresolved requirements: [...]", BundleException.RESOLVE_ERROR);
        assertEquals("cannot resolve: missing requirement osgi.extender; (osgi.extender=osgi.component)", PluginProblems.start(e));
    }

    @Test
    void activatorFailuresNameTheExceptionWithoutItsPackage() {
        BundleException e = new BundleException("Activator start error in bundle p [5].",
                BundleException.ACTIVATOR_ERROR, new UnsupportedOperationException("not yet\nsecond line"));
        assertEquals("failed to start: activator threw UnsupportedOperationException: not yet", PluginProblems.start(e));
    }
}
