package org.vivarium.plugin.steering.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CheckpointArgument;

/** Paths a page user types, resolved inside the work directory only, and the checkpoints found there. */
final class WorkFiles {
    /** How deep below the work directory checkpoints are looked for ({@code runs/em/seed-1/checkpoint} is 4). */
    private static final int DEPTH = 4;
    /** At most this many checkpoints are offered. */
    private static final int LIMIT = 40;

    private WorkFiles() {
    }

    /**
     * Resolves a path inside the work directory.
     *
     * @param workDir the work directory (absolute, normalised)
     * @param typed the path as typed, relative to it (an absolute path must also lie inside it)
     * @param what what the path names, for the message
     * @return the absolute path
     * @throws VivariumException if the path leaves the work directory
     */
    static Path inside(Path workDir, String typed, String what) {
        Path p = workDir.resolve(typed.trim()).toAbsolutePath().normalize();
        if (!p.startsWith(workDir) || !real(p).startsWith(real(workDir))) {
            throw new VivariumException(what + " " + typed.trim() + " is outside the work directory " + workDir,
                    "give a path inside " + workDir + ", e.g. runs/backdoor");
        }
        return p;
    }

    /**
     * Resolves a checkpoint or run directory inside the work directory.
     *
     * @param workDir the work directory (absolute, normalised)
     * @param typed the path as typed
     * @return the checkpoint directory
     * @throws VivariumException if it is outside the work directory or not a checkpoint
     */
    static Path checkpoint(Path workDir, String typed) {
        Path p = inside(workDir, typed, "checkpoint");
        String known = String.join(", ", checkpoints(workDir));
        String fix = known.isEmpty() ? "train one first, e.g. 'viv organism train backdoor --out runs/backdoor'"
                : "pick one of " + known;
        Path ckpt = CheckpointArgument.resolve(workDir, workDir.relativize(p).toString(), fix);
        if (!CheckpointArgument.isCheckpoint(ckpt)) {
            throw new VivariumException("checkpoint " + typed.trim() + " has no config.json", fix);
        }
        return ckpt;
    }

    /**
     * Lists the checkpoint directories under the work directory.
     *
     * @param workDir the work directory
     * @return their paths relative to it, sorted, at most {@value #LIMIT}
     */
    static List<String> checkpoints(Path workDir) {
        if (!Files.isDirectory(workDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.find(workDir, DEPTH, (p, a) -> a.isRegularFile()
                && p.getFileName().toString().equals("config.json"))) {
            return files.map(p -> workDir.relativize(p.getParent()).toString()).filter(s -> !s.isEmpty())
                    .map(s -> s.endsWith("/checkpoint") ? s.substring(0, s.length() - "/checkpoint".length()) : s)
                    .sorted().limit(LIMIT).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // an unreadable corner of the work directory offers nothing
        }
    }

    private static Path real(Path p) {
        try {
            return Files.exists(p) ? p.toRealPath() : p;
        } catch (IOException e) {
            return p;
        }
    }
}
