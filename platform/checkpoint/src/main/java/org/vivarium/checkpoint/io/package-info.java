/**
 * File plumbing shared by the checkpoint formats: atomic writes (temp file or directory, then rename),
 * strict JSON parsing with one-line errors, and bulk little-endian float transfer over channels.
 */
package org.vivarium.checkpoint.io;
