package org.vivarium.launcher.bench;

import ai.djl.pytorch.jni.JniUtils;
import org.vivarium.api.VivariumException;
import org.vivarium.runtime.nd.DjlEngine;

/**
 * Sets and reads back PyTorch's thread pools for a benchmark: intra-op threads ({@code torch.set_num_threads}) can
 * change at any time, inter-op threads ({@code torch.set_num_interop_threads}) only once per process, before the
 * engine starts, through DJL's {@code ai.djl.pytorch.num_interop_threads} property.
 *
 * <p>The one place outside the runtime module that calls DJL directly: reading the pool sizes back is what makes
 * the figures printed next to a benchmark true rather than requested.
 */
final class TorchThreads {
    static final String INTRA_OP = "ai.djl.pytorch.num_threads";
    static final String INTER_OP = "ai.djl.pytorch.num_interop_threads";

    private TorchThreads() {
    }

    /**
     * Gives PyTorch {@code n} intra-op and {@code n} inter-op threads, starting the engine if needed.
     *
     * @param n threads
     * @return the sizes as PyTorch reports them, e.g. {@code intra-op 2, inter-op 2}
     * @throws VivariumException if the engine already runs with another inter-op pool size
     */
    static String pin(int n) {
        System.setProperty(INTRA_OP, Integer.toString(n));
        System.setProperty(INTER_OP, Integer.toString(n));
        DjlEngine.get();
        JniUtils.setNumThreads(n);
        int intra = JniUtils.getNumThreads();
        int inter = JniUtils.getNumInteropThreads();
        if (intra != n || inter != n) {
            throw new VivariumException("PyTorch runs with intra-op " + intra + " and inter-op " + inter
                    + " threads, not " + n + " (the inter-op pool is sized once per process, when the engine starts)",
                    "run the benchmark in a fresh viv process, without -D" + INTER_OP + " in VIV_JAVA_OPTS");
        }
        return "intra-op " + intra + ", inter-op " + inter;
    }
}
