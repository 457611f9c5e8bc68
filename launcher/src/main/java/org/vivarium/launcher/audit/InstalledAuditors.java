package org.vivarium.launcher.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.Auditor;
import org.vivarium.launcher.cli.UsageException;

/** The {@link Auditor} services the installed plugins registered, sorted by name. */
final class InstalledAuditors {
    private InstalledAuditors() {
    }

    /**
     * Finds the auditors to run.
     *
     * @param bc the host's bundle context
     * @param only comma-separated names to keep ({@code --methods}), or null for all
     * @param usage usage text for the error when none matches
     * @return the auditors, sorted by name, at least one
     * @throws VivariumException if no auditor is installed
     * @throws UsageException if {@code only} names none of them
     * @throws InvalidSyntaxException never (no filter is used)
     */
    static List<Auditor> find(BundleContext bc, String only, String usage) throws InvalidSyntaxException {
        List<Auditor> out = new ArrayList<>();
        for (ServiceReference<Auditor> ref : bc.getServiceReferences(Auditor.class, null)) {
            Auditor a = bc.getService(ref);
            if (a != null && (only == null || List.of(only.split(",")).contains(a.name()))) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparing(Auditor::name));
        if (only != null && out.isEmpty()) {
            throw new UsageException("no installed auditor is named " + only, usage);
        }
        if (out.isEmpty()) {
            throw new VivariumException("no auditor plugins are installed and started",
                    "install one, e.g. 'viv plugin install plugins/steering/target/vivarium-plugin-steering-*.jar',"
                            + " and check 'viv plugin list'");
        }
        return out;
    }
}
