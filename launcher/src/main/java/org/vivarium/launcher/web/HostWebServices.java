package org.vivarium.launcher.web;

import java.nio.file.Path;
import org.vivarium.api.web.WebHost;

/** The {@link WebHost} service the server registers for plugin pages: the host's page frame, its CSRF token, the work directory. */
final class HostWebServices implements WebHost {
    private final CsrfToken csrf;
    private final Path workDir;
    private final PageFrame frame;

    HostWebServices(CsrfToken csrf, Path workDir, PageFrame frame) {
        this.csrf = csrf;
        this.frame = frame;
        this.workDir = workDir.toAbsolutePath().normalize();
    }

    @Override
    public String page(String title, String bodyHtml) {
        return frame.page(title, bodyHtml);
    }

    @Override
    public String csrfToken() {
        return csrf.value();
    }

    @Override
    public boolean csrfValid(String token) {
        return csrf.valid(token);
    }

    @Override
    public Path workDir() {
        return workDir;
    }
}
