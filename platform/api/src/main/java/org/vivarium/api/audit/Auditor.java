package org.vivarium.api.audit;

import org.osgi.annotation.versioning.ConsumerType;
import org.vivarium.api.method.MethodContext;

/**
 * A method's contribution to {@code viv audit}: given an organism (never its truth card), measure what the
 * method can find and return {@link Claim}s: what (a {@link ClaimKind}), where (a {@link ClaimSite}), the
 * auditor's own evidence and confidence. The host's scorer then verifies each supported claim by its own
 * measurement.
 *
 * <p>Register implementations as OSGi services (whiteboard), typically from the same bundle as the
 * method's {@link org.vivarium.api.method.Method}.
 */
@ConsumerType
public interface Auditor {
    /** @return the method name, e.g. {@code probes}; sections are ordered by it */
    String name();

    /**
     * Audits one organism.
     *
     * @param target the organism, its data and where to write plots
     * @param context runtime, output and progress
     * @return the measured section of the report
     * @throws Exception on failure; the host records it in the report and goes on with other auditors
     */
    AuditSection audit(AuditTarget target, MethodContext context) throws Exception;
}
