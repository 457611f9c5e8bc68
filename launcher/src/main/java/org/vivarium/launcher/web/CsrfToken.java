package org.vivarium.launcher.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF token of one running server: 32 random bytes drawn when it starts. The pages put it into every POST form
 * and scripts read it from {@code /api/csrf}; a cross-site page cannot read either (same-origin policy, no CORS
 * headers), so a POST that carries it came from this server's own pages or from a local script.
 */
final class CsrfToken {
    private final String token;

    CsrfToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return the token */
    String value() {
        return token;
    }

    /**
     * @param candidate the token a request carried, may be null
     * @return whether it equals the token (compared in constant time)
     */
    boolean valid(String candidate) {
        return candidate != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
