package org.vivarium.api.cache;

/**
 * One hook point stored in a run.
 *
 * @param name the TransformerLens hook path, e.g. {@code blocks.0.hook_resid_post}
 * @param width values per row (e.g. {@code d_model}, or {@code n_heads * d_head} for per-head hooks)
 * @param rows committed rows
 * @param bytes bytes those rows take on disk
 */
public record CachedHook(String name, int width, long rows, long bytes) {
}
