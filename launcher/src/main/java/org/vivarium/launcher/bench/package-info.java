/** {@code viv bench}: rerunnable throughput benchmarks whose figures are quoted in docs/PERFORMANCE.md. */
package org.vivarium.launcher.bench;
