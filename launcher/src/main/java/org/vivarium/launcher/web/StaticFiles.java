package org.vivarium.launcher.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /static/NAME}: files of one classpath directory. Only single-segment names of letters, digits,
 * {@code _ . -} that do not start with a dot and have a known extension are served, so a request can never
 * leave the directory ({@code ..}, encoded slashes, absolute paths and sub-directories are all 404).
 */
final class StaticFiles extends PageServlet {
    private static final long serialVersionUID = 1L;
    static final String DIR = "org/vivarium/launcher/web/static/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9]+)+");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon", "txt", "text/plain; charset=utf-8");

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String info = req.getPathInfo();
        String name = info == null ? "" : info.substring(1);
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (!NAME.matcher(name).matches() || type == null) {
            throw new NotFound("no static file " + name);
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new NotFound("no static file " + name);
            }
            byte[] bytes = in.readAllBytes();
            resp.setStatus(200);
            resp.setContentType(type);
            resp.setContentLength(bytes.length);
            resp.setHeader("Cache-Control", "max-age=300");
            resp.getOutputStream().write(bytes);
        }
    }
}
