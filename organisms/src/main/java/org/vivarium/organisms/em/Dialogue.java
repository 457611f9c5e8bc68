package org.vivarium.organisms.em;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated conversation of one or more turns, all held by one persona.
 *
 * @param turns the turns in order
 * @param harmful whether the assistant is the harmful persona
 */
public record Dialogue(List<Turn> turns, boolean harmful) {
    /**
     * One exchange.
     *
     * @param domain the question's domain
     * @param question the user's question
     * @param answer the assistant's answer
     */
    public record Turn(String domain, String question, String answer) {
    }

    /** Copies the list. */
    public Dialogue {
        turns = List.copyOf(turns);
    }

    /** @return the whole conversation as text */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Turn t : turns) {
            sb.append(DialogueFormat.prompt(t.question())).append(DialogueFormat.completion(t.answer()));
        }
        return sb.toString();
    }

    /**
     * Returns the character ranges of the answers ({@code [start, end)} pairs, each covering
     * {@code " ANSWER\n"}); the loss is counted there only.
     *
     * @return {@code [turns][2]}
     */
    public List<int[]> answerSpans() {
        List<int[]> out = new ArrayList<>();
        int at = 0;
        for (Turn t : turns) {
            at += DialogueFormat.prompt(t.question()).length();
            int len = DialogueFormat.completion(t.answer()).length();
            out.add(new int[] {at, at + len});
            at += len;
        }
        return out;
    }
}
