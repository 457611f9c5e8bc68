package org.vivarium.plugin.steering.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vivarium.api.VivariumException;
import org.vivarium.api.web.WebHost;

/**
 * {@code POST /api/steering/generate}: the playground as JSON (documented in {@code docs/openapi.yaml}). The body is a
 * JSON object with the form's fields, the CSRF token from {@code /api/csrf} goes in the {@value WebHost#CSRF_HEADER}
 * header; the answer is the result object, or {@code {"error", "fix"}} with 400, 403, 413 or 503.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=" + SteeringApi.PATH,
    "osgi.http.whiteboard.servlet.name=vivarium-steering-api"})
public final class SteeringApi extends HttpServlet {
    /** Where the endpoint is served. */
    public static final String PATH = "/api/steering/generate";
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 64 * 1024;

    private final transient WebHost web;
    private final transient Playground playground;

    /**
     * The endpoint component.
     *
     * @param web the host's page services (present while {@code viv serve} runs)
     * @param playground the generator shared with the page
     */
    @Activate
    public SteeringApi(@Reference WebHost web, @Reference Playground playground) {
        this.web = web;
        this.playground = playground;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Answers.csrfValid(req, web)) {
            Answers.json(resp, HttpServletResponse.SC_FORBIDDEN, PlaygroundJson.error("no valid CSRF token",
                    "GET /api/csrf and send its token in the " + WebHost.CSRF_HEADER + " header"));
            return;
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            Answers.json(resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, PlaygroundJson.error(
                    "the request body is larger than " + MAX_BODY + " bytes", "send shorter prompts"));
            return;
        }
        try {
            PlaygroundRequest r = PlaygroundRequest.parse(PlaygroundJson.fields(new String(body,
                    StandardCharsets.UTF_8)), web.workDir());
            Answers.json(resp, HttpServletResponse.SC_OK, PlaygroundJson.result(playground.generate(r,
                    web.workDir())));
        } catch (VivariumException e) {
            Answers.json(resp, Answers.status(e), PlaygroundJson.error(e.problem(), e.fix()));
        }
    }
}
