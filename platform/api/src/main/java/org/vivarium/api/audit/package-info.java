/**
 * The audit SPI: a plugin registers an {@link org.vivarium.api.audit.Auditor} service; {@code viv audit
 * ORGANISM} hands every auditor an {@link org.vivarium.api.audit.AuditTarget} (the trained organism, its
 * truth card, labelled and contrastive prompt sets, a behaviour meter) and assembles their
 * {@link org.vivarium.api.audit.AuditSection}s into one report scored against the truth card.
 */
@Export
@Version("1.1.0")
package org.vivarium.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
