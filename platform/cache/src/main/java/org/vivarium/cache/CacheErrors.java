package org.vivarium.cache;

import java.nio.file.Path;
import java.util.Collection;
import org.vivarium.api.VivariumException;

/** The user-facing errors of the activation cache, worded in one place. */
final class CacheErrors {
    private CacheErrors() {
    }

    static VivariumException corrupt(Path dir, String detail, Throwable cause) {
        return new VivariumException("activation cache " + dir + " is corrupt (" + detail + ")",
                "delete it or restore a backup; committed data of other caches is not affected", cause);
    }

    static VivariumException damagedRun(Path dir, String run, String detail) {
        return new VivariumException("activation cache " + dir + " is corrupt (run " + run + ": " + detail + ")",
                "delete the run with 'viv cache rm " + run + "' or restore a backup; committed data of other runs"
                        + " is intact and readable", null);
    }

    static VivariumException newer(Path dir, int found, int supported) {
        return new VivariumException("activation cache " + dir + " was written by a newer Vivarium (format "
                + found + " > " + supported + ")", "upgrade Vivarium to read it");
    }

    static VivariumException notACache(Path dir) {
        return new VivariumException(dir + " is not an activation cache (no FORMAT file, but not empty)",
                "point the cache at an empty or new directory");
    }

    static VivariumException unknownRun(String run, Collection<String> known) {
        return new VivariumException("unknown cache run \"" + run + "\"", known.isEmpty()
                ? "the cache is empty; create a run with 'viv cache CKPT --prompts FILE --hooks HOOKS --run ID'"
                : "known runs: " + String.join(", ", known));
    }

    static VivariumException unknownHook(String run, String hook, Collection<String> known) {
        return new VivariumException("cache run " + run + " has no hook \"" + hook + "\"",
                known.isEmpty() ? "the run has no committed rows yet" : "cached hooks: " + String.join(", ", known));
    }

    static VivariumException noTokens(String run) {
        return new VivariumException("cache run " + run + " stores no token ids (it was cached before Vivarium"
                + " stored tokens with every run)", "cache it again: 'viv cache rm " + run + "', then 'viv cache CKPT"
                + " --prompts FILE --hooks HOOKS --run " + run + "' with the same checkpoint and prompts");
    }

    static VivariumException sizeLimit(Path dir, long limit, long used, long adding) {
        return new VivariumException("activation cache " + dir + " would grow past its size limit of "
                + Sizes.human(limit) + " (" + Sizes.human(used) + " used, this batch adds " + Sizes.human(adding)
                + "; committed data is untouched)", "raise the limit (maxBytes / --max-size), delete old runs with"
                + " 'viv cache rm', or cache fewer hooks or prompts");
    }
}
