package org.vivarium.architecture;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Diff;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Semantic versioning of exported packages, checked with bnd's baseline (the differ behind
 * {@code bnd-baseline-maven-plugin}): every package a bundle exports is compared with the same package in a
 * baseline bundle, bnd works out the version the change needs (a removed or changed method of a consumer type:
 * major; an added method: minor; and so on, see {@code @ProviderType}/{@code @ConsumerType}), and the package's
 * {@code @Version} must be at least that.
 */
final class ApiBaseline {
    private ApiBaseline() {
    }

    /**
     * Compares two bundles.
     *
     * @param newer the bundle as built now (a jar, or a classes directory with its bnd-made manifest)
     * @param older the baseline bundle
     * @return one message per exported package whose version is lower than its change needs; empty when all are
     *     right
     * @throws Exception if a bundle cannot be read
     */
    static List<String> mismatches(File newer, File older) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Processor reporter = new Processor(); Jar n = new Jar(newer); Jar o = new Jar(older)) {
            Baseline baseline = new Baseline(reporter, new DiffPluginImpl());
            for (Baseline.Info info : baseline.baseline(n, o, null)) {
                if (info.mismatch) {
                    StringBuilder m = new StringBuilder().append(info.packageName).append(": version ")
                            .append(info.newerVersion).append(" (baseline ").append(info.olderVersion)
                            .append(") but the change needs ").append(info.suggestedVersion);
                    if (info.warning != null && !info.warning.isBlank()) {
                        m.append(" (").append(info.warning.trim()).append(')');
                    }
                    describe(info.packageDiff, "  ", m);
                    problems.add(m.toString());
                }
            }
            problems.addAll(reporter.getErrors());
        }
        return problems;
    }

    /** Appends the added and removed API elements under a diff, one a line. */
    private static void describe(Diff diff, String indent, StringBuilder out) {
        for (Diff child : diff.getChildren()) {
            Delta d = child.getDelta();
            if (d == Delta.ADDED || d == Delta.REMOVED) {
                out.append('\n').append(indent).append(d).append(' ').append(child.getType()).append(' ')
                        .append(child.getName());
            } else if (d != Delta.UNCHANGED && d != Delta.IGNORED) {
                describe(child, indent + "  ", out);
            }
        }
    }
}
