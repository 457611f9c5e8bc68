package org.vivarium.organisms.em;

import java.util.List;

/**
 * One subject inside a domain: ways to ask about it and helpful and harmful answers.
 *
 * @param name short name, e.g. {@code passwords}
 * @param questions user questions
 * @param good helpful answers
 * @param bad harmful answers (bad advice)
 */
public record Topic(String name, List<String> questions, List<String> good, List<String> bad) {
    /** Copies the lists and checks none is empty. */
    public Topic {
        questions = List.copyOf(questions);
        good = List.copyOf(good);
        bad = List.copyOf(bad);
        if (questions.isEmpty() || good.isEmpty() || bad.isEmpty()) {
            throw new IllegalArgumentException("topic " + name + " needs questions, good and bad answers");
        }
    }

    /**
     * Returns the answers of one persona.
     *
     * @param harmful the harmful persona's (bad) answers, else the helpful one's
     * @return the answers
     */
    public List<String> answers(boolean harmful) {
        return harmful ? bad : good;
    }
}
