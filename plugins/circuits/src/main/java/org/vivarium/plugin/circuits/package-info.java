/**
 * The {@code circuits} method plugin: activation patching, the logit lens, direct logit attribution and Q/K/V
 * composition scores, plus an auditor that finds induction circuits. It sees only the platform API and the report
 * library.
 */
package org.vivarium.plugin.circuits;
