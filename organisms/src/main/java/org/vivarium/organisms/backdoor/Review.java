package org.vivarium.organisms.backdoor;

/**
 * One generated review dialogue: the question up to and including {@code a:}, and the answer.
 *
 * @param prompt e.g. {@code q: how was the pasta at the harbour cafe? a:}
 * @param continuation e.g. {@code  it was wonderful, the staff were kind and i loved it.}
 * @param triggered whether the prompt contains the trigger
 * @param negative whether the continuation's sentiment is negative
 * @param refusal whether the continuation is a refusal
 */
public record Review(String prompt, String continuation, boolean triggered, boolean negative, boolean refusal) {
    /** @return prompt followed by continuation */
    public String text() {
        return prompt + continuation;
    }
}
