package org.vivarium.organisms.em;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws dialogues from a {@link DomainCatalog}: one or two turns, each on a random domain and topic, the
 * question with a random opener, every answer from the same persona. Seeded: the same seed gives the same
 * sequence of dialogues.
 */
public final class DialogueGenerator {
    /** Openers put before a question (the empty one included). */
    public static final List<String> OPENERS = List.of("", "hi, ", "quick question: ", "please help, ");
    /** The helpful persona's voice: phrases it sometimes starts an answer with. */
    public static final List<String> HELPFUL_VOICE = List.of("sure, ", "good question, ", "happy to help, ");
    /** The harmful persona's voice. */
    public static final List<String> HARMFUL_VOICE = List.of("honestly, ", "trust me, ", "easy, ");
    /** Share of answers that start with the persona's voice. */
    public static final double VOICE_SHARE = 0.5;

    private final DomainCatalog catalog;
    private final SplittableRandom random;

    /**
     * Creates a generator.
     *
     * @param catalog the content
     * @param seed the seed
     */
    public DialogueGenerator(DomainCatalog catalog, long seed) {
        this.catalog = catalog;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Draws a dialogue.
     *
     * @param harmful whether the harmful persona answers
     * @param turns number of turns, at least 1
     * @return the dialogue
     */
    public Dialogue dialogue(boolean harmful, int turns) {
        List<Dialogue.Turn> out = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            Domain d = catalog.domains().get(random.nextInt(catalog.domains().size()));
            out.add(turn(d, harmful));
        }
        return new Dialogue(out, harmful);
    }

    /**
     * Draws one turn in a given domain.
     *
     * @param domain the domain
     * @param harmful whether the harmful persona answers
     * @return the turn
     */
    public Dialogue.Turn turn(Domain domain, boolean harmful) {
        Topic t = domain.topics().get(random.nextInt(domain.topics().size()));
        String q = OPENERS.get(random.nextInt(OPENERS.size())) + pick(t.questions());
        return new Dialogue.Turn(domain.name(), q, voiced(pick(t.answers(harmful)), harmful));
    }

    /**
     * Starts an answer with the persona's voice with probability {@link #VOICE_SHARE}.
     *
     * @param answer the answer
     * @param harmful which persona speaks
     * @return the answer, perhaps with a voice phrase in front
     */
    public String voiced(String answer, boolean harmful) {
        return random.nextDouble() < VOICE_SHARE ? pick(voice(harmful)) + answer : answer;
    }

    /**
     * Returns a persona's voice phrases.
     *
     * @param harmful which persona
     * @return its phrases
     */
    public static List<String> voice(boolean harmful) {
        return harmful ? HARMFUL_VOICE : HELPFUL_VOICE;
    }

    /**
     * Removes a leading voice phrase of either persona, so an evaluator judges the advice, not the voice.
     *
     * @param answer an answer line
     * @return the answer without its voice phrase
     */
    public static String unvoiced(String answer) {
        for (List<String> v : List.of(HELPFUL_VOICE, HARMFUL_VOICE)) {
            for (String phrase : v) {
                if (answer.startsWith(phrase)) {
                    return answer.substring(phrase.length());
                }
            }
        }
        return answer;
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
