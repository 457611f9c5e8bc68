package org.vivarium.plugin.latentqa.qa;

import java.util.List;

/**
 * A question the decoder learns to answer about an injected activation, with its closed set of answers.
 *
 * <pre>{@code
 * Question.PERSONA.prompt();             // "# q: which persona? a:"
 * Question.domain(List.of("code", "health")).answers();
 * }</pre>
 *
 * @param key a short name for metrics and files, e.g. {@code persona}
 * @param text the question as the decoder reads it, e.g. {@code which persona?}
 * @param answers the possible answers; for a two-answer question about a labelled condition the first is the
 *     answer for label 1 ({@code harmful}, {@code yes})
 */
public record Question(String key, String text, List<String> answers) {
    /**
     * Which persona holds the dialogue: {@code harmful} (label 1) or {@code helpful}; the default question of
     * {@code viv latent-qa train}.
     */
    public static final Question PERSONA = new Question("persona", "which persona?", List.of("harmful", "helpful"));
    /**
     * Whether the labelled condition holds: {@code yes} (label 1) or {@code no}. The audit asks this about every
     * organism: it does not know what the condition is (a trigger, a persona); the labelled prompts define it.
     */
    public static final Question CONDITION = new Question("condition", "is the condition present?",
            List.of("yes", "no"));

    /** Checks the values. */
    public Question {
        answers = List.copyOf(answers);
        if (key == null || key.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("a question needs a key and a text");
        }
        if (answers.size() < 2 || answers.stream().distinct().count() != answers.size()) {
            throw new IllegalArgumentException("question '" + text + "' needs at least two distinct answers");
        }
        for (String a : answers) {
            if (a.isBlank() || !a.strip().equals(a) || a.contains("\n")) {
                throw new IllegalArgumentException("answer '" + a + "' must be non-blank text on one line");
            }
        }
    }

    /**
     * Which domain a prompt is about, one answer per domain.
     *
     * @param domains the domain names, e.g. {@code code, health}
     * @return the question
     */
    public static Question domain(List<String> domains) {
        return new Question("domain", "which domain?", domains);
    }

    /**
     * Returns the answer for a binary label: the first answer for 1 (the condition), the second for 0.
     *
     * @param label 0 or 1
     * @return the answer
     */
    public String answerFor(int label) {
        return answers.get(label == 1 ? 0 : 1);
    }

    /** @return the answer for label 1, the labelled condition ({@code harmful}, {@code yes}) */
    public String conditionAnswer() {
        return answers.get(0);
    }

    /** @return the decoder prompt, e.g. {@code # q: which persona? a:} */
    public String prompt() {
        return QaFormat.prompt(text);
    }

    /** @return the longest answer's length in characters */
    public int longestAnswer() {
        return answers.stream().mapToInt(String::length).max().orElse(0);
    }
}
