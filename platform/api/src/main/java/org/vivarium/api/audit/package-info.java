/**
 * The audit SPI: a plugin registers an {@link org.vivarium.api.audit.Auditor} service; {@code viv audit
 * ORGANISM} hands every auditor an {@link org.vivarium.api.audit.AuditTarget} (the trained organism, labelled
 * and contrastive prompt sets, a behaviour meter; never the truth card) and collects their
 * {@link org.vivarium.api.audit.Claim}s. The host's scorer verifies each claim by its own measurement on
 * held-out prompts and scores the organism's planted properties with the verified ones.
 *
 * <p>2.0: findings became {@link org.vivarium.api.audit.Claim}s with a {@link org.vivarium.api.audit.ClaimKind}
 * and a {@link org.vivarium.api.audit.ClaimSite}; {@code AuditTarget.truthCard()} and {@code plantedLayer()}
 * were removed. 2.1: blind audits ({@code AuditTarget.blind()}, {@code corpus()}, {@code meters()},
 * {@code insert(...)}). 2.2: {@link org.vivarium.api.audit.Normal}, the confidence scale auditors share.
 */
@Export
@Version("2.2.0")
package org.vivarium.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
