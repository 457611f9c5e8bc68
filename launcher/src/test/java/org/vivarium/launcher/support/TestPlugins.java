package org.vivarium.launcher.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vivarium.launcher.testplugins.activator.HeaderActivator;
import org.vivarium.launcher.testplugins.ds.DsMethod;

/** The good and broken plugin jars the launcher tests install. */
public final class TestPlugins {

    private static final String ACTIVATOR_IMPORTS =
            "org.osgi.framework;version=\"[1.8,2)\",org.vivarium.api.method;version=\"[2.0,3)\","
                    + "org.vivarium.api.model;version=\"[1.0,2)\",org.vivarium.api.linalg;version=\"[1.0,2)\"";

    private TestPlugins() {
    }

    /**
     * A BundleActivator plugin registering an {@code EchoMethod}.
     *
     * @param file target jar
     * @param symbolicName its symbolic name
     * @param methodName the method name it registers
     * @return the jar
     */
    public static Path activator(Path file, String symbolicName, String methodName) {
        return activatorJar(symbolicName).header("Test-Method-Name", methodName).writeTo(file);
    }

    /**
     * A plugin whose activator throws {@code IllegalStateException("boom")}.
     *
     * @param file target jar
     * @return the jar
     */
    public static Path throwingActivator(Path file) {
        return activatorJar("test.broken.activate").header("Test-Fail", "true").writeTo(file);
    }

    /**
     * A plugin whose manifest names a {@code Bundle-Activator} class the jar does not contain.
     *
     * @param file target jar
     * @return the jar
     */
    public static Path missingActivator(Path file) {
        return activatorJar("test.broken.missing").header("Bundle-Activator", "test.missing.NoSuchActivator")
                .writeTo(file);
    }

    /**
     * A plugin importing a package nobody exports.
     *
     * @param file target jar
     * @return the jar
     */
    public static Path missingImport(Path file) {
        return activatorJar("test.broken.import").header("Test-Method-Name", "never")
                .header("Import-Package", ACTIVATOR_IMPORTS + ",org.nonexistent.pkg").writeTo(file);
    }

    /**
     * A jar without Bundle-SymbolicName.
     *
     * @param file target jar
     * @return the jar
     */
    public static Path noSymbolicName(Path file) {
        return BundleJar.bundle(null).packageOf(HeaderActivator.class).writeTo(file);
    }

    /**
     * A file that is not a zip at all.
     *
     * @param file target file
     * @return the file
     */
    public static Path notAZip(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, "this is not a jar\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Declarative Services plugin with a hand-written component descriptor.
     *
     * @param file target jar
     * @param symbolicName its symbolic name
     * @param methodName the method name (component property)
     * @param failActivate whether its activate method throws
     * @return the jar
     */
    public static Path ds(Path file, String symbolicName, String methodName, boolean failActivate) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="%s">
                  <implementation class="%s"/>
                  <property name="method.name" value="%s"/>
                  <property name="fail" value="%s"/>
                  <service><provide interface="org.vivarium.api.method.Method"/></service>
                </scr:component>
                """.formatted(symbolicName + ".component", DsMethod.class.getName(), methodName, failActivate);
        return BundleJar.bundle(symbolicName)
                .header("Import-Package", "org.vivarium.api.method;version=\"[2.0,3)\"")
                .header("Service-Component", "OSGI-INF/component.xml")
                .resource("OSGI-INF/component.xml", xml)
                .packageOf(DsMethod.class)
                .writeTo(file);
    }

    private static BundleJar activatorJar(String symbolicName) {
        return BundleJar.bundle(symbolicName)
                .header("Bundle-Activator", HeaderActivator.class.getName())
                .header("Import-Package", ACTIVATOR_IMPORTS)
                .packageOf(HeaderActivator.class);
    }
}
