package org.vivarium.api.method;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An interpretability or auditing method contributed by a plugin bundle.
 *
 * <p>Register an implementation as an OSGi service (for example with Declarative Services'
 * {@code @Component(service = Method.class)}); the host picks it up while running, and drops it when
 * the bundle stops. Clients never look methods up themselves; they go through the host.
 *
 * <pre>{@code
 * @Component(service = Method.class)
 * public final class ProbesMethod implements Method {
 *     public String name() { return "probes"; }
 *     public String description() { return "linear probes on cached activations"; }
 *     public List<MethodCommand> commands() { return List.of(new FitCommand()); }
 * }
 * }</pre>
 */
@ConsumerType
public interface Method {
    /** Service property under which the host expects the method name (optional, informative). */
    String PROPERTY_NAME = "vivarium.method.name";

    /** @return a short unique name, lowercase with dashes, e.g. {@code probes} */
    String name();

    /** @return one sentence on what the method does */
    String description();

    /** @return the commands this method adds to {@code viv}, invoked as {@code viv NAME COMMAND ...} */
    List<MethodCommand> commands();
}
