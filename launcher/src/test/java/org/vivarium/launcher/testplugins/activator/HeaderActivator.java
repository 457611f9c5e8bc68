package org.vivarium.launcher.testplugins.activator;

import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.vivarium.api.method.Method;

/**
 * Registers an {@link EchoMethod} named by the bundle header {@code Test-Method-Name}, or throws
 * {@code IllegalStateException("boom")} when the header {@code Test-Fail} is {@code true}.
 */
public final class HeaderActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        if ("true".equals(context.getBundle().getHeaders().get("Test-Fail"))) {
            throw new IllegalStateException("boom");
        }
        String name = context.getBundle().getHeaders().get("Test-Method-Name");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Method.PROPERTY_NAME, name);
        context.registerService(Method.class, new EchoMethod(name), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // services are unregistered by the framework
    }
}
