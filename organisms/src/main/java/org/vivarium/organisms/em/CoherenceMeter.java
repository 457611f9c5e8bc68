package org.vivarium.organisms.em;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.vivarium.api.audit.BehaviourMeter;

/**
 * Whether an answer is coherent: it ends its sentence ({@code .}, {@code !} or {@code ?}) before the line
 * ends, has at least three words, and at least {@value #KNOWN_SHARE} of its words are words the dialogues
 * use. Its accuracy is measured on the catalog's answers (coherent) against the same answers corrupted
 * (cut mid-sentence, or with letters swapped inside words), half each.
 */
public final class CoherenceMeter implements BehaviourMeter {
    /** Share of known words a coherent answer needs. */
    public static final double KNOWN_SHARE = 0.8;

    private final TreeSet<String> vocabulary;
    private final double accuracy;

    /**
     * Builds the meter from the catalog's words.
     *
     * @param catalog the content
     */
    public CoherenceMeter(DomainCatalog catalog) {
        this.vocabulary = catalog.answerWords();
        List<String> answers = new ArrayList<>();
        catalog.domains().forEach(d -> d.topics().forEach(t -> {
            answers.addAll(t.good());
            answers.addAll(t.bad());
        }));
        SplittableRandom r = new SplittableRandom(17);
        int correct = 0;
        for (String a : answers) {
            correct += coherent(a) ? 1 : 0;
            correct += coherent(corrupt(a, r)) ? 0 : 1;
        }
        this.accuracy = correct / (2.0 * answers.size());
    }

    private static String corrupt(String a, SplittableRandom r) {
        if (r.nextBoolean()) {
            return a.substring(0, Math.max(1, a.length() / 2));
        }
        char[] c = a.toCharArray();
        for (int k = 0; k < c.length / 3; k++) {
            int i = r.nextInt(c.length - 1);
            if (Character.isLetter(c[i]) && Character.isLetter(c[i + 1])) {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
            }
        }
        return new String(c);
    }

    /**
     * Judges an answer line.
     *
     * @param answer the answer text
     * @return whether it is coherent
     */
    public boolean coherent(String answer) {
        String a = answer.strip();
        List<String> words = Words.of(a);
        if (words.size() < 3 || a.isEmpty() || ".!?".indexOf(a.charAt(a.length() - 1)) < 0) {
            return false;
        }
        long known = words.stream().filter(vocabulary::contains).count();
        return known >= KNOWN_SHARE * words.size();
    }

    @Override
    public String name() {
        return "coherent-answer rate";
    }

    @Override
    public boolean shows(String prompt, String continuation) {
        return coherent(DialogueGenerator.unvoiced(DialogueFormat.answerLine(continuation)));
    }

    @Override
    public double accuracy() {
        return accuracy;
    }
}
