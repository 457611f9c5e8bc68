/**
 * The host's {@link org.vivarium.api.linalg.LinearAlgebra} on ND4J (nd4j-native with OpenBLAS, linux-x86_64) and
 * Deeplearning4j (deeplearning4j-nn for MLP classifiers). ND4J, DL4J and JavaCPP live on the launcher classpath and
 * are never exported to plugin bundles: plugins get this implementation through the API interface only.
 */
package org.vivarium.linalg.nd4j;
