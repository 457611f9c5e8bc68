package org.vivarium.plugin.sae.cli;

import java.util.stream.Collectors;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.cache.CachedHook;

/** Looks up a cached run and hook, listing what exists when either is unknown. */
final class CacheRuns {
    private CacheRuns() {
    }

    static CacheRun run(ActivationCache cache, String id, String store) {
        return cache.run(id).orElseThrow(() -> new VivariumException("no run \"" + id + "\" in the cache " + store,
                cache.runs().isEmpty() ? "cache activations first with 'viv cache CKPT --prompts FILE --hooks HOOK'"
                        : "known runs: " + cache.runs().stream().map(CacheRun::id).collect(Collectors.joining(", "))));
    }

    static CachedHook hook(CacheRun run, String hook) {
        return run.hook(hook).orElseThrow(() -> new VivariumException("cached run " + run.id() + " has no hook "
                + hook, "its hooks are " + run.hooks().stream().map(CachedHook::name)
                        .collect(Collectors.joining(", "))));
    }
}
