package org.vivarium.launcher.web;

import org.vivarium.api.VivariumException;

/** The server already runs as many searches as it allows: answered with HTTP 503 and {@code Retry-After}. */
final class ServerBusy extends VivariumException {
    private static final long serialVersionUID = 1L;
    /** Seconds a client should wait before it asks again. */
    static final int RETRY_AFTER_SECONDS = 1;

    /**
     * @param problem what is busy
     * @param fix what to do
     */
    ServerBusy(String problem, String fix) {
        super(problem, fix);
    }
}
