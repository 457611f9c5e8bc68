package org.vivarium.report.table;

import org.vivarium.api.web.HtmlText;

/** HTML escaping for text and attribute values. */
final class Html {
    private Html() {
    }

    /** Escapes {@code & < > " '} so the text is shown literally in element content and attributes. */
    static String escape(String s) {
        return HtmlText.escape(s);
    }
}
