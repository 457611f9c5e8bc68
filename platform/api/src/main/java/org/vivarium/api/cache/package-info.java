/**
 * The on-disk activation cache: stores hook activations of whole prompt sets as rows keyed by
 * (run, hook, sequence, position), streams them back for training SAEs and probes, and records each
 * run's provenance and the tokens of its sequences.
 */
@Export
@Version("1.3.0")
package org.vivarium.api.cache;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
