package org.vivarium.plugin.latentqa.qa;

/**
 * One labelled subject prompt for one question: the decoder should answer {@code answer} when shown the subject's
 * activation on {@code prompt}.
 *
 * @param question the question
 * @param prompt the subject prompt whose activation is read
 * @param answer the correct answer, one of the question's answers
 * @param group a sub-group for reports (the prompt's domain, or the label), may be empty
 */
public record QaItem(Question question, String prompt, String answer, String group) {
    /** Checks that the answer is one of the question's. */
    public QaItem {
        if (!question.answers().contains(answer)) {
            throw new IllegalArgumentException("'" + answer + "' is not an answer of '" + question.text() + "'");
        }
        group = group == null ? "" : group;
    }
}
