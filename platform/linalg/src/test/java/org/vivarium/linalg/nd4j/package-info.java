/** Tests of the ND4J / Deeplearning4j linear-algebra service against EJML, brute force and hand-built files. */
package org.vivarium.linalg.nd4j;
