package org.vivarium.launcher.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * A JSON endpoint without parameters, such as {@code /api/pages} (the pages installed plugins contribute) and
 * {@code /api/csrf} (the token state-changing requests carry); documented in {@code docs/openapi.yaml}.
 */
final class JsonEndpoint extends PageServlet {
    private static final long serialVersionUID = 1L;
    private final transient Supplier<Object> body;

    /**
     * @param body computes the answer on every request
     */
    JsonEndpoint(Supplier<Object> body) {
        this.body = body;
    }

    @Override
    boolean json() {
        return true;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        sendJson(resp, 200, body.get());
    }
}
