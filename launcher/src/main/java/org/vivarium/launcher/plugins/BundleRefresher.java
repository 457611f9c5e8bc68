package org.vivarium.launcher.plugins;

import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/** Refreshes bundles after an update or uninstall and waits until Felix has finished. */
final class BundleRefresher {

    private static final long TIMEOUT_SECONDS = 30;

    private BundleRefresher() {
    }

    /**
     * Refreshes the given bundles (and those wired to them) synchronously.
     *
     * @param context the system bundle context
     * @param bundles the bundles; may include uninstalled ones
     */
    static void refresh(BundleContext context, Collection<Bundle> bundles) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(bundles, (FrameworkEvent event) -> done.countDown());
        try {
            done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
