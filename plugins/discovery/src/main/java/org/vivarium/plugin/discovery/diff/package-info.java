/** The {@code model-diff} auditor: base vs fine-tuned activations on a generic corpus. */
package org.vivarium.plugin.discovery.diff;
