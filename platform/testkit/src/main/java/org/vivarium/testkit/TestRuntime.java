package org.vivarium.testkit;

import org.vivarium.runtime.DjlModelRuntime;

/**
 * One real DJL model runtime per test JVM, created on first use and closed when the JVM exits. Starting the
 * PyTorch engine takes a couple of seconds, so tests share this one instead of making their own; never close it.
 */
public final class TestRuntime {
    private static DjlModelRuntime shared;

    private TestRuntime() {
    }

    /** @return the shared runtime (do not close it) */
    public static synchronized DjlModelRuntime shared() {
        if (shared == null) {
            DjlModelRuntime rt = new DjlModelRuntime();
            Runtime.getRuntime().addShutdownHook(new Thread(rt::close, "vivarium-testkit-runtime"));
            shared = rt;
        }
        return shared;
    }
}
