package org.vivarium.plugin.steering.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.vivarium.api.web.HtmlText;

/** The playground page's body: the form (keeping what was typed), then the two continuations or one error. */
final class PlaygroundHtml {
    private PlaygroundHtml() {
    }

    /** @return the page's heading and what it does */
    static String heading() {
        return "<h1>Steering playground</h1><p>Add a direction to the residual stream while the model continues a"
                + " prompt, and compare with the unsteered continuation (greedy decoding, so the difference is the"
                + " direction's).</p>";
    }

    /**
     * Renders the form.
     *
     * @param field what was typed in each field (null when nothing)
     * @param checkpoints checkpoints found in the work directory, offered as suggestions
     * @param csrfField the host's hidden CSRF field
     * @return the form HTML
     */
    static String form(Function<String, String> field, List<String> checkpoints, String csrfField) {
        StringBuilder b = new StringBuilder();
        b.append("<form id=\"steer-form\" class=\"steer\" method=\"post\" action=\"").append(SteeringPage.PATH)
                .append("\">").append(csrfField);
        b.append("<label>Checkpoint <input id=\"checkpoint\" name=\"checkpoint\" list=\"checkpoints\" size=\"40\""
                + " placeholder=\"runs/backdoor\" value=\"").append(value(field, "checkpoint",
                        checkpoints.isEmpty() ? "" : checkpoints.get(0))).append("\"></label>");
        b.append("<datalist id=\"checkpoints\">");
        for (String c : checkpoints) {
            b.append("<option value=\"").append(HtmlText.escape(c)).append("\">");
        }
        b.append("</datalist>");
        b.append("<fieldset><legend>Direction</legend><label>Direction file <input id=\"direction\" name=\"direction\""
                + " size=\"40\" placeholder=\"runs/steering/backdoor/direction.json\" value=\"")
                .append(value(field, "direction", "")).append("\"></label><p>or leave it blank and compute the mean"
                        + " difference at the hook from contrasting prompts, one a line:</p>")
                .append("<label>Positive prompts <textarea id=\"positive\" name=\"positive\" rows=\"3\" cols=\"40\">")
                .append(value(field, "positive", "")).append("</textarea></label>")
                .append("<label>Negative prompts <textarea id=\"negative\" name=\"negative\" rows=\"3\" cols=\"40\">")
                .append(value(field, "negative", "")).append("</textarea></label></fieldset>");
        b.append("<label>Hook <input id=\"hook\" name=\"hook\" size=\"30\" placeholder=\"blocks.0.hook_resid_post\""
                + " value=\"").append(value(field, "hook", "")).append("\"></label> ");
        b.append("<label>Coefficient <input id=\"coefficient\" name=\"coefficient\" size=\"6\" value=\"")
                .append(value(field, "coefficient", "4")).append("\"></label> ");
        b.append("<label>Tokens <input id=\"tokens\" name=\"tokens\" size=\"4\" value=\"")
                .append(value(field, "tokens", Integer.toString(PlaygroundRequest.DEFAULT_TOKENS)))
                .append("\"></label>");
        b.append("<label>Prompt <textarea id=\"prompt\" name=\"prompt\" rows=\"3\" cols=\"60\">")
                .append(value(field, "prompt", "")).append("</textarea></label>");
        return b.append("<p><button id=\"generate\">Generate</button></p></form>").toString();
    }

    /**
     * Renders the two continuations side by side.
     *
     * @param r the result
     * @return the HTML
     */
    static String result(PlaygroundResult r) {
        String coefficient = (r.coefficient() >= 0 ? "+" : "")
                + BigDecimal.valueOf(r.coefficient()).stripTrailingZeros().toPlainString();
        return "<div id=\"result\" class=\"columns steer-result\"><section id=\"unsteered\"><h2>Unsteered</h2>"
                + continuation(r.prompt(), r.unsteered()) + "</section><section id=\"steered\"><h2>Steered ("
                + HtmlText.escape(coefficient) + " × direction at " + HtmlText.escape(r.hook()) + ")</h2>"
                + continuation(r.prompt(), r.steered()) + "</section></div><p id=\"about\" class=\"syntax\">"
                + "Checkpoint " + HtmlText.escape(r.checkpoint()) + "; direction: " + HtmlText.escape(r.direction())
                + String.format(Locale.ROOT, " (norm %.4g); %d ms.", r.norm(), r.millis()) + "</p>";
    }

    /**
     * Renders one error.
     *
     * @param problem what is wrong
     * @param fix how to fix it
     * @return the HTML
     */
    static String error(String problem, String fix) {
        return "<p id=\"error\" class=\"error\">error: " + HtmlText.escape(problem) + "</p><p class=\"fix\">"
                + HtmlText.escape(fix) + "</p>";
    }

    private static String continuation(String prompt, String generated) {
        return "<pre class=\"generated\"><span class=\"prompt\">" + HtmlText.escape(prompt) + "</span><b>"
                + HtmlText.escape(generated) + "</b></pre>";
    }

    private static String value(Function<String, String> field, String name, String dflt) {
        String v = field.apply(name);
        return HtmlText.escape(v == null ? dflt : v);
    }
}
