package org.vivarium.plugin.steering.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vivarium.api.VivariumException;
import org.vivarium.api.web.WebHost;

/**
 * {@code /steering}, the playground page: GET shows the form, a POST (with the host's CSRF token) generates and
 * shows the steered continuation beside the unsteered one, or one error line (400; 503 while another generation
 * runs; 403 without a valid token). A whiteboard servlet of this bundle, so it comes and goes with the plugin.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=" + SteeringPage.PATH,
    "osgi.http.whiteboard.servlet.name=vivarium-steering-playground",
    WebHost.PAGE_TITLE + "=Steering playground",
    WebHost.PAGE_PATH + "=" + SteeringPage.PATH})
public final class SteeringPage extends HttpServlet {
    /** Where the page is served. */
    public static final String PATH = "/steering";
    private static final long serialVersionUID = 1L;
    private static final String TITLE = "Steering playground";

    private final transient WebHost web;
    private final transient Playground playground;

    /**
     * The page component.
     *
     * @param web the host's page services (present while {@code viv serve} runs)
     * @param playground the generator shared with the JSON API
     */
    @Activate
    public SteeringPage(@Reference WebHost web, @Reference Playground playground) {
        this.web = web;
        this.playground = playground;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Answers.html(resp, HttpServletResponse.SC_OK, page("", name -> null));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Function<String, String> field = req::getParameter;
        if (!Answers.csrfValid(req, web)) {
            Answers.html(resp, HttpServletResponse.SC_FORBIDDEN, page(PlaygroundHtml.error("the form carries no valid"
                    + " CSRF token (the server restarted, or the request came from another site)", "reload " + PATH
                    + " and submit again"), field));
            return;
        }
        try {
            PlaygroundResult r = playground.generate(PlaygroundRequest.parse(field, web.workDir()), web.workDir());
            Answers.html(resp, HttpServletResponse.SC_OK, page(PlaygroundHtml.result(r), field));
        } catch (VivariumException e) {
            Answers.html(resp, Answers.status(e), page(PlaygroundHtml.error(e.problem(), e.fix()), field));
        }
    }

    /** The heading, then the outcome of a POST (result or error, if any), then the form keeping what was typed. */
    private String page(String outcome, Function<String, String> field) {
        return web.page(TITLE, PlaygroundHtml.heading() + outcome + PlaygroundHtml.form(field,
                WorkFiles.checkpoints(web.workDir()), web.csrfField()));
    }
}
