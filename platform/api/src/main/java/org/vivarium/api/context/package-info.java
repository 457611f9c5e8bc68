/**
 * Where a feature fires, as text: the tokens of a sequence with their display text ({@link
 * org.vivarium.api.context.TokenText}, stored with every activation-cache run), the top-k activating positions of
 * many features ({@link org.vivarium.api.context.TopPositions}) and the context windows around them with the
 * firing token marked ({@link org.vivarium.api.context.ContextExtractor}), ready for the context index. Every
 * method that shows top contexts (SAE dashboards, probes, LoRA directions, the unit index) uses these, so a
 * context reads the same wherever it appears.
 */
@Export
@Version("1.0.0")
package org.vivarium.api.context;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
