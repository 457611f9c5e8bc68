package org.vivarium.launcher.web;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The runs directory as the pages see it, read-only: which of its directories are runs ({@code viv organism
 * train} output: a checkpoint, {@code loss.csv} or a check's {@code report.json}; or an audit's
 * {@code audit/report.json}) and which hold a blind-audit leaderboard ({@code leaderboard.json}).
 *
 * <p>A run's id is its path below the root with {@code /} between segments, e.g. {@code backdoor-blind/seed-1}.
 * Requests name runs and files by such paths; {@link #resolve} accepts only segments of letters, digits and
 * {@code _ . - @ + =} that do not start with a dot, and only paths whose real location (symbolic links followed) is
 * inside the root, so no request reaches anything outside it. Directories whose names do not fit are not listed.
 */
final class RunsDirectory {
    /** Runs are looked for up to this depth minus one below the root ({@code em-blind/seed-1/base} is depth 3). */
    static final int MAX_DEPTH = 5;
    /** Most runs listed. */
    static final int MAX_RUNS = 2000;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@+=-]{0,127}");
    /** Directories inside a run that are never runs themselves. */
    private static final Set<String> SKIP = Set.of("checkpoint", "audit", "index", "felix-cache", "node_modules");

    private final Path root;

    RunsDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** @return the root */
    Path root() {
        return root;
    }

    /** What a scan found, both lists sorted by id. */
    record Scan(List<String> runs, List<String> leaderboards) {
    }

    /** @return the runs and leaderboard directories below the root; empty when the root does not exist */
    Scan scan() {
        List<String> runs = new ArrayList<>();
        List<String> boards = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Scan(runs, boards);
        }
        try {
            Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(root) && (!validName(dir.getFileName().toString())
                                    || SKIP.contains(dir.getFileName().toString()))) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (runs.size() >= MAX_RUNS) {
                                return FileVisitResult.TERMINATE;
                            }
                            String id = id(dir);
                            if (!id.isEmpty() && isRun(dir)) {
                                runs.add(id);
                            }
                            if (!id.isEmpty()
                                    && Files.isRegularFile(dir.resolve("leaderboard.json"), LinkOption.NOFOLLOW_LINKS)) {
                                boards.add(id);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // a directory that vanished while scanning: list what was found
        }
        runs.sort(null);
        boards.sort(null);
        return new Scan(runs, boards);
    }

    /**
     * @param dir a directory
     * @return whether it is a run: it holds a checkpoint's provenance, a loss curve, a check report or an audit
     */
    static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve("checkpoint").resolve("provenance.json"))
                || Files.isRegularFile(dir.resolve("loss.csv")) || Files.isRegularFile(dir.resolve("report.json"))
                || Files.isRegularFile(dir.resolve("audit").resolve("report.json"));
    }

    /**
     * Resolves a request path below the root.
     *
     * @param id a path such as {@code backdoor-blind/seed-1} or {@code em/loss.png}
     * @return the path, inside the root also after following links, which exists
     * @throws PageServlet.NotFound if the path has a segment that is not a plain name, leaves the root or does not
     *     exist
     */
    Path resolve(String id) {
        if (id == null || id.isEmpty() || id.length() > 1000) {
            throw new PageServlet.NotFound("no such run or file");
        }
        Path p = root;
        for (String segment : id.split("/", -1)) {
            if (!validName(segment)) {
                throw new PageServlet.NotFound("no such run or file: " + id);
            }
            p = p.resolve(segment);
        }
        try {
            Path real = p.toRealPath();
            if (!p.normalize().startsWith(root) || !real.startsWith(root.toRealPath())) {
                throw new PageServlet.NotFound("no such run or file: " + id);
            }
            return real;
        } catch (IOException e) {
            throw new PageServlet.NotFound("no such run or file: " + id);
        }
    }

    /**
     * @param dir a directory inside the root
     * @return its id, {@code ""} for the root itself
     */
    String id(Path dir) {
        Path rel = root.relativize(dir.toAbsolutePath().normalize());
        return rel.toString().replace(java.io.File.separatorChar, '/');
    }

    /**
     * @param dir a path, e.g. one a leaderboard names
     * @return its id when it is a run below the root, else null
     */
    String idIfInside(Path dir) {
        Path p = dir.toAbsolutePath().normalize();
        if (!p.startsWith(root) || p.equals(root) || !isRun(p)) {
            return null;
        }
        String id = id(p);
        for (String s : id.split("/")) {
            if (!validName(s)) {
                return null;
            }
        }
        return id;
    }

    static boolean validName(String segment) {
        return SEGMENT.matcher(segment).matches();
    }
}
