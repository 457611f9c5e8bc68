package org.vivarium.launcher.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.vivarium.api.VivariumException;

/** Installs and starts the host's own bundles: Felix SCR and the OSGi APIs it needs. */
final class CoreBundles {

    /** Symbolic name of the Declarative Services runtime, which must be among the core bundles. */
    static final String SCR = "org.apache.felix.scr";

    private CoreBundles() {
    }

    /**
     * Installs all jars, then starts those that are not fragments.
     *
     * @param context the system bundle context
     * @param jars the bundle jars
     * @return the installed bundles
     * @throws VivariumException if one cannot be installed or started, or SCR is missing
     */
    static List<Bundle> installAndStart(BundleContext context, List<Path> jars) {
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            try {
                bundles.add(context.installBundle(jar.toUri().toString()));
            } catch (BundleException e) {
                throw broken(jar.getFileName().toString(), e);
            }
        }
        if (bundles.stream().noneMatch(b -> SCR.equals(b.getSymbolicName()))) {
            throw new VivariumException("the Declarative Services runtime (" + SCR + ") is not among " + jars,
                    "rebuild the distribution with 'mvn -B -ntp -DskipTests package'");
        }
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    throw broken(bundle.getSymbolicName(), e);
                }
            }
        }
        return bundles;
    }

    private static VivariumException broken(String name, BundleException e) {
        return new VivariumException("core bundle " + name + " failed: " + e.getMessage(),
                "rebuild the distribution with 'mvn -B -ntp -DskipTests package'", e);
    }
}
