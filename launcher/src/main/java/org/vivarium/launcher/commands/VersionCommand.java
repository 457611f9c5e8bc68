package org.vivarium.launcher.commands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;

/** {@code viv --version} / {@code viv version}: the Vivarium and Java versions. */
public final class VersionCommand implements CliCommand {

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String usage() {
        return "version   (or viv --version)";
    }

    @Override
    public String summary() {
        return "print the Vivarium and Java versions";
    }

    @Override
    public int run(List<String> args, CliContext ctx) {
        ctx.out().println("vivarium " + version() + " (Java " + Runtime.version() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")");
        return 0;
    }

    /** @return the Vivarium version this launcher was built as */
    public static String version() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("/org/vivarium/launcher/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
