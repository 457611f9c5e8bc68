package org.vivarium.api.web;

/**
 * HTML escaping for pages: every user, file or model string goes through {@link #escape} before it reaches markup.
 *
 * <pre>{@code
 * String cell = "<td>" + HtmlText.escape(generatedText) + "</td>";
 * }</pre>
 */
public final class HtmlText {
    private HtmlText() {
    }

    /**
     * Escapes text for element content and quoted attribute values.
     *
     * @param s any text, may be null (then empty)
     * @return the text with {@code & < > " '} escaped
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
