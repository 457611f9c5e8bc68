package org.vivarium.cache.capture;

import java.util.Map;
import org.vivarium.api.cache.CacheRun;

/**
 * What {@link ActivationCacher#cache} stored.
 *
 * @param run the finished run as stored
 * @param tokens tokens run through the model
 * @param seconds wall time
 * @param skipped hooks that were captured but not stored, with the reason
 */
public record CachingResult(CacheRun run, long tokens, double seconds, Map<String, String> skipped) {

    /** Copies the map. */
    public CachingResult {
        skipped = Map.copyOf(skipped);
    }

    /**
     * Returns the throughput.
     *
     * @return tokens per second
     */
    public double tokensPerSecond() {
        return seconds > 0 ? tokens / seconds : 0;
    }
}
