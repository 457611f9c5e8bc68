package org.vivarium.launcher.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code /file/{path}}: a PNG plot below the runs directory ({@code loss.png}, {@code leaderboard.png}, an auditor's
 * plots). Only {@code .png} files are served, and {@link RunsDirectory#resolve} keeps every request inside the
 * runs directory ({@code ..}, hidden names, encoded slashes and symbolic links pointing out are all 404).
 */
final class RunFiles extends RunsPage {
    private static final long serialVersionUID = 1L;
    /** Largest file served. */
    static final long MAX_BYTES = 64L << 20;
    RunFiles(RunsDirectory runs) {
        super(runs);
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = rest(req);
        if (path == null || !path.endsWith(".png")) {
            throw new NotFound("only .png plots below the runs directory are served");
        }
        Path file = runs.resolve(path);
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
            throw new NotFound("no plot " + path);
        }
        byte[] bytes = Files.readAllBytes(file);
        resp.setStatus(200);
        resp.setContentType("image/png");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
