package org.vivarium.launcher.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A blind-audit leaderboard ({@code leaderboard.json} and {@code leaderboard.png}, written by
 * {@code viv audit ORGANISM --blind --seeds ...}): found rates per method and claim kind over the seeds, with the
 * run header (command, load average, threads), and each seed's run and audit.
 *
 * @param id the leaderboard directory's id
 * @param board the leaderboard as written
 * @param png the plot's path, or null when there is no {@code leaderboard.png}
 * @param seedRuns per seed (as written), the id of its run directory below the runs directory, when it is one
 */
record LeaderboardView(String id, JsonObject board, String png, Map<String, String> seedRuns) {

    /**
     * Loads a leaderboard.
     *
     * @param runs the runs directory
     * @param id the directory's id
     * @return the leaderboard
     * @throws PageServlet.NotFound if the directory holds no {@code leaderboard.json}
     */
    static LeaderboardView load(RunsDirectory runs, String id) {
        Path dir = runs.resolve(id);
        JsonObject board = RunJson.read(dir.resolve("leaderboard.json"));
        if (board == null) {
            throw new PageServlet.NotFound("no leaderboard.json in " + id + "; run 'viv audit ORGANISM --blind'");
        }
        Map<String, String> seedRuns = new LinkedHashMap<>();
        for (JsonElement e : RunJson.array(board, "per_seed")) {
            JsonObject s = e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
            String seed = RunJson.text(s, "seed");
            String written = RunJson.text(s, "run");
            // the run as written (absolute when the benchmark ran here), else the benchmark's own seed-K directory
            String run = written == null ? null : runs.idIfInside(dir.resolve(written));
            if (run == null && seed != null) {
                run = runs.idIfInside(dir.resolve("seed-" + seed));
            }
            if (seed != null && run != null) {
                seedRuns.put(seed, run);
            }
        }
        String png = Files.isRegularFile(dir.resolve("leaderboard.png")) ? Html.href("/file", id + "/leaderboard.png")
                : null;
        return new LeaderboardView(id, board, png, Map.copyOf(seedRuns));
    }

    /** @return the methods in the order written */
    List<String> methods() {
        List<String> out = new ArrayList<>();
        RunJson.array(board, "methods").forEach(m -> out.add(m.getAsString()));
        return out;
    }

    /** @return the planted claim kinds in the order written */
    List<String> kinds() {
        List<String> out = new ArrayList<>();
        RunJson.array(board, "kinds").forEach(k -> out.add(k.getAsString()));
        return out;
    }

    /** @return the cell of each method and kind, keyed {@code method kind} */
    Map<String, JsonObject> cells() {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        for (JsonElement e : RunJson.array(board, "cells")) {
            if (e.isJsonObject()) {
                JsonObject c = e.getAsJsonObject();
                out.put(RunJson.text(c, "method") + " " + RunJson.text(c, "kind"), c);
            }
        }
        return out;
    }

    /** @return the entry of {@code /api/leaderboards} */
    Map<String, Object> summaryJson() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("organism", RunJson.text(board, "organism"));
        o.put("seeds", board.get("seeds"));
        o.put("methods", methods());
        o.put("url", Html.href("/leaderboard", id));
        o.put("api", Html.href("/api/leaderboards", id));
        return o;
    }

    /** @return the JSON body of {@code /api/leaderboards/{id}}: the leaderboard as written, plus paths */
    Map<String, Object> json() {
        Map<String, Object> o = summaryJson();
        o.put("png", png);
        Map<String, Object> seeds = new LinkedHashMap<>();
        seedRuns.forEach((seed, run) -> seeds.put(seed, Map.of("run", run, "url", Html.href("/run", run),
                "audit", Html.href("/audit", run))));
        o.put("seedRuns", seeds);
        o.put("leaderboard", board);
        return o;
    }
}
