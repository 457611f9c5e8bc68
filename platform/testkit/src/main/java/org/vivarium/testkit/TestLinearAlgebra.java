package org.vivarium.testkit;

import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.linalg.nd4j.Nd4jLinearAlgebra;

/**
 * The host's real {@link LinearAlgebra} (ND4J and Deeplearning4j) for plugin tests that call a plugin's numerics
 * without a {@link LocalMethodContext}; {@link LocalMethodContext#linearAlgebra()} returns the same instance.
 */
public final class TestLinearAlgebra {
    private TestLinearAlgebra() {
    }

    /** @return the JVM's ND4J-backed service (its native backend loads on the first call) */
    public static LinearAlgebra shared() {
        return Nd4jLinearAlgebra.shared();
    }
}
