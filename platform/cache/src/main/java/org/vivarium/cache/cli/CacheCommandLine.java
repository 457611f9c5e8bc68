package org.vivarium.cache.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.cache.CachedHook;
import org.vivarium.cache.Sizes;
import org.vivarium.cache.export.RunExporter;

/**
 * The {@code viv cache} subcommands over an open cache. Each method takes already-parsed arguments and
 * prints to the given stream; user errors are thrown as one-line {@link VivariumException}s.
 *
 * <pre>{@code
 * try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
 *     new CacheCommandLine(cache).ls(System.out);
 * }
 * }</pre>
 */
public final class CacheCommandLine {
    private final ActivationCache cache;

    /**
     * Creates the command logic over a cache.
     *
     * @param cache the open cache
     */
    public CacheCommandLine(ActivationCache cache) {
        this.cache = cache;
    }

    /**
     * {@code viv cache ls}: a table of runs (id, model, hooks, rows, size, dtype, state, created).
     *
     * @param out where to print
     */
    public void ls(PrintStream out) {
        List<CacheRun> runs = cache.runs();
        if (runs.isEmpty()) {
            out.println("no cached runs (" + Sizes.human(cache.sizeBytes()) + " used of "
                    + Sizes.human(cache.maxBytes()) + ")");
            return;
        }
        TextTable t = new TextTable("RUN", "MODEL", "HOOKS", "ROWS", "SIZE", "DTYPE", "STATE", "CREATED");
        for (CacheRun r : runs) {
            t.add(r.id(), r.modelName().isEmpty() ? "-" : r.modelName(), hooks(r), Long.toString(r.totalRows()),
                    Sizes.human(r.totalBytes()), lower(r.dtype().name()), lower(r.state().name()), r.createdAt());
        }
        t.print(out);
        out.println(runs.size() + " run(s), " + Sizes.human(cache.sizeBytes()) + " used of "
                + Sizes.human(cache.maxBytes()));
    }

    /**
     * {@code viv cache export RUN [--hook H] --format npy|safetensors --out FILE}.
     *
     * @param run run id
     * @param hook hook path; required for npy unless the run has one hook; for safetensors, null
     *     exports every hook
     * @param format {@code npy} or {@code safetensors}
     * @param out the file to write
     * @param console where to print the summary
     */
    public void export(String run, String hook, String format, Path out, PrintStream console) {
        CacheRun r = require(run);
        String f = format == null ? "" : lower(format.trim());
        RunExporter ex = new RunExporter(cache);
        long rows;
        if (f.equals("npy")) {
            String h = hook != null ? hook : onlyHook(r);
            rows = ex.npy(run, h, out);
            console.println("wrote " + rows + " rows of " + h + " to " + out + " (" + size(out) + ")");
        } else if (f.equals("safetensors")) {
            rows = ex.safetensors(run, hook == null ? List.of() : List.of(hook), out);
            console.println("wrote " + rows + " rows of " + (hook == null ? r.hooks().size() + " hook(s)" : hook)
                    + " to " + out + " (" + size(out) + ")");
        } else {
            throw new VivariumException("unknown export format \"" + format + "\"", "use npy or safetensors");
        }
    }

    /**
     * {@code viv cache rm RUN}: deletes a run and its data files.
     *
     * @param run run id
     * @param out where to print the summary
     */
    public void rm(String run, PrintStream out) {
        CacheRun r = require(run);
        cache.delete(run);
        out.println("deleted cache run " + run + " (" + r.totalRows() + " rows, " + Sizes.human(r.totalBytes())
                + ")");
    }

    private CacheRun require(String run) {
        return cache.run(run).orElseThrow(() -> {
            List<String> known = cache.runs().stream().map(CacheRun::id).toList();
            return new VivariumException("unknown cache run \"" + run + "\"", known.isEmpty()
                    ? "the cache is empty" : "known runs: " + String.join(", ", known));
        });
    }

    private static String onlyHook(CacheRun r) {
        if (r.hooks().size() == 1) {
            return r.hooks().get(0).name();
        }
        throw new VivariumException("run " + r.id() + " has " + r.hooks().size() + " hooks; npy holds one",
                "pass --hook, one of: " + String.join(", ", r.hooks().stream().map(CachedHook::name).toList()));
    }

    private static String hooks(CacheRun r) {
        if (r.hooks().size() == 1) {
            return r.hooks().get(0).name();
        }
        return r.hooks().size() + " hooks";
    }

    private static String size(Path p) {
        try {
            return Sizes.human(Files.size(p));
        } catch (java.io.IOException e) {
            return "size unknown";
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
