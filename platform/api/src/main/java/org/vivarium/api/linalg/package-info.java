/**
 * Analysis numerics for method plugins: thin and top-k SVD, thin QR, matrix products, ROC AUC, {@code .npy} files
 * and a small MLP classifier fitted with early stopping. A plugin gets the host's implementation (ND4J and
 * Deeplearning4j on the host classpath) as a {@link org.vivarium.api.linalg.LinearAlgebra} from
 * {@link org.vivarium.api.method.MethodContext#linearAlgebra()}; only Java arrays and the records of this package
 * cross the API, never an ND4J type.
 */
@Export
@Version("1.1.0")
package org.vivarium.api.linalg;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
