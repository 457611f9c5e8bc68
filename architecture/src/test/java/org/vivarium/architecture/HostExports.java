package org.vivarium.architecture;

import aQute.bnd.header.Parameters;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.Constants;

/**
 * The packages the host's system bundle exports to plugin bundles, read from the host itself: the launcher's
 * {@code FrameworkConfig.properties} builds {@code org.osgi.framework.system.packages.extra} from the
 * {@code Export-Package} headers of the jars on its classpath (the API and report bundles, SLF4J, the servlet API).
 * A package of {@code vivarium-api} or {@code vivarium-report} without {@code @Export} in its package-info (such as
 * {@code org.vivarium.report.internal}) is not among them, so a plugin importing it would not resolve.
 */
final class HostExports {
    private static final Set<String> PACKAGES = read();

    private HostExports() {
    }

    /** @return the exported package names, sorted */
    static Set<String> packages() {
        return PACKAGES;
    }

    /** @return holds for a class whose package the host exports to bundles */
    static DescribedPredicate<JavaClass> resideInAPackageTheHostExports() {
        return DescribedPredicate.describe("reside in a package the host exports",
                c -> PACKAGES.contains(c.getPackageName()));
    }

    private static Set<String> read() {
        try {
            Class<?> config = Class.forName("org.vivarium.launcher.host.FrameworkConfig");
            Method properties = config.getDeclaredMethod("properties", Path.class, boolean.class);
            properties.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, String> props = (Map<String, String>) properties.invoke(null, Path.of("unused-storage"), false);
            String extra = props.getOrDefault(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "");
            Set<String> names = new TreeSet<>();
            for (String key : new Parameters(extra).keySet()) {
                names.add(key.replaceAll("~+$", "")); // bnd marks a repeated key with a trailing ~
            }
            return names;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the host's exported packages from FrameworkConfig", e);
        }
    }
}
