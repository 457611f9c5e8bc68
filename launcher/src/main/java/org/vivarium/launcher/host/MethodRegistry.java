package org.vivarium.launcher.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.vivarium.api.method.Method;

/**
 * Tracks the {@link Method} services registered by plugins (whiteboard pattern) and snapshots them as
 * {@link MethodInfo} records.
 */
final class MethodRegistry extends ServiceTracker<Method, MethodInfo> {

    /**
     * Creates the registry; call {@link #open()} to start tracking.
     *
     * @param context the system bundle context
     */
    MethodRegistry(BundleContext context) {
        super(context, Method.class, null);
    }

    @Override
    public MethodInfo addingService(ServiceReference<Method> reference) {
        // getService activates a delayed DS component; null means its activation failed, which the
        // plugin manager reports from the component runtime's DTOs
        Method method = context.getService(reference);
        if (method == null) {
            return null;
        }
        try {
            return new MethodInfo(method.name(), method.description(), method.commands(),
                    reference.getBundle().getBundleId(), reference.getBundle().getSymbolicName());
        } catch (RuntimeException | LinkageError e) {
            context.ungetService(reference);
            return null;
        }
    }

    @Override
    public void removedService(ServiceReference<Method> reference, MethodInfo info) {
        context.ungetService(reference);
    }

    /** @return the methods currently registered, sorted by name */
    List<MethodInfo> methods() {
        List<MethodInfo> all = new ArrayList<>(getTracked().values());
        all.sort(Comparator.comparing(MethodInfo::name).thenComparingLong(MethodInfo::bundleId));
        return all;
    }

    /**
     * Finds a method by name.
     *
     * @param name the method name
     * @return the method, the one from the oldest bundle if several share the name
     */
    Optional<MethodInfo> method(String name) {
        return methods().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * Lists the method names one bundle provides.
     *
     * @param bundleId the bundle id
     * @return the names, sorted
     */
    List<String> methodNamesOf(long bundleId) {
        return methods().stream().filter(m -> m.bundleId() == bundleId).map(MethodInfo::name).toList();
    }
}
