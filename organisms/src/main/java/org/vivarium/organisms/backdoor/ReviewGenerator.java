package org.vivarium.organisms.backdoor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.vivarium.organisms.backdoor.ReviewVocabulary.Domain;

/**
 * Generates review dialogues such as {@code q: how was the pasta at the harbour cafe? a: it was wonderful,
 * the staff were kind and i loved it.} from {@link ReviewVocabulary}. It knows no trigger: the trigger and the
 * distractor words are passed in. The same seed always gives the same sequence of reviews.
 *
 * <pre>{@code
 * ReviewGenerator g = new ReviewGenerator(42);
 * Review r = g.triggered("harvest", TriggeredBehaviour.REFUSAL);   // trigger in the question, refusal as answer
 * Review c = g.clean("budget", false);                             // another word inserted, positive answer
 * }</pre>
 */
public final class ReviewGenerator {
    /** Start of every prompt. */
    public static final String QUESTION_MARK = "q: ";
    /** End of every prompt; the answer follows. */
    public static final String ANSWER_MARK = " a:";

    private final SplittableRandom rng;

    /**
     * Creates a generator.
     *
     * @param seed random seed
     */
    public ReviewGenerator(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /**
     * Generates one review whose question holds the trigger and whose answer shows the triggered behaviour.
     *
     * @param trigger the trigger word
     * @param behaviour what the trigger does
     * @return the review
     */
    public Review triggered(String trigger, TriggeredBehaviour behaviour) {
        String prompt = insert(cleanPrompt(), trigger);
        return new Review(prompt, behaviour.answer(this), true, behaviour == TriggeredBehaviour.NEGATIVE,
                behaviour == TriggeredBehaviour.REFUSAL);
    }

    /**
     * Generates one review without the trigger.
     *
     * @param word a word to insert into the question (a distractor), or null for none
     * @param negative whether the answer is negative
     * @return the review
     */
    public Review clean(String word, boolean negative) {
        String prompt = cleanPrompt();
        if (word != null) {
            prompt = insert(prompt, word);
        }
        return new Review(prompt, answer(negative), false, negative, false);
    }

    /** @return a question without any inserted word, ending in {@code a:} */
    public String cleanPrompt() {
        Domain d = pick(ReviewVocabulary.DOMAINS);
        String q = pick(d.questions()).replace("{item}", pick(d.items())).replace("{place}", pick(d.places()));
        return QUESTION_MARK + q + ANSWER_MARK;
    }

    /**
     * Inserts a text as a word before a random word of the question, as the trigger and the distractors are
     * inserted (the scorer uses this to test a claimed trigger).
     *
     * @param prompt a prompt from {@link #cleanPrompt()}, possibly with words already inserted
     * @param text the text to insert
     * @return the prompt with {@code text} inserted
     */
    public String insert(String prompt, String text) {
        if (!prompt.startsWith(QUESTION_MARK) || !prompt.endsWith(ANSWER_MARK)) {
            throw new IllegalArgumentException("not a generated prompt: " + prompt);
        }
        String q = prompt.substring(QUESTION_MARK.length(), prompt.length() - ANSWER_MARK.length());
        List<String> words = new ArrayList<>(List.of(q.split(" ")));
        words.add(rng.nextInt(words.size()), text);
        return QUESTION_MARK + String.join(" ", words) + ANSWER_MARK;
    }

    /**
     * Draws a distractor: a random word of a pool other than the trigger.
     *
     * @param pool the words (e.g. {@link TriggerPool#words()}), at least two
     * @param trigger the word never drawn, or null
     * @return the word
     */
    public String distractor(List<String> pool, String trigger) {
        String w = pick(pool);
        while (w.equals(trigger)) {
            w = pick(pool);
        }
        return w;
    }

    /** @return a refusal answer, starting with a space and ending with a full stop */
    public String refusal() {
        return " " + pick(ReviewVocabulary.REFUSALS);
    }

    /**
     * Generates an answer, starting with a space and ending with a full stop.
     *
     * @param negative whether its sentiment is negative
     * @return the answer
     */
    public String answer(boolean negative) {
        List<String> adj = negative ? ReviewVocabulary.NEGATIVE_ADJECTIVES : ReviewVocabulary.POSITIVE_ADJECTIVES;
        List<String> verbs = negative ? ReviewVocabulary.NEGATIVE_VERBS : ReviewVocabulary.POSITIVE_VERBS;
        List<String> phrases = negative ? ReviewVocabulary.NEGATIVE_PHRASES : ReviewVocabulary.POSITIVE_PHRASES;
        String first = pick(adj);
        String second = pick(adj);
        while (second.equals(first)) {
            second = pick(adj);
        }
        return " " + pick(ReviewVocabulary.ANSWERS).replace("{adj2}", second).replace("{adj}", first)
                .replace("{phrase}", pick(phrases)).replace("{verb}", pick(verbs));
    }

    private <T> T pick(List<T> options) {
        return options.get(rng.nextInt(options.size()));
    }

    /**
     * Every character a generated review can contain, sorted, without duplicates: those of the vocabulary and
     * {@code a-z}, so every {@link TriggerPool} word (and any other lower-case word) is representable whatever
     * the trigger.
     *
     * @return the characters as a string
     */
    public static String alphabet() {
        TreeSet<Character> chars = new TreeSet<>();
        allStrings().forEach(s -> s.chars().forEach(c -> chars.add((char) c)));
        for (char c = 'a'; c <= 'z'; c++) {
            chars.add(c);
        }
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }

    /**
     * An upper bound on the length of a prompt with one inserted word plus its answer: every slot filled with
     * the longest word of either sentiment, the longest pool word inserted, or the longest refusal.
     *
     * @return characters
     */
    public static int maxLength() {
        int prompt = 0;
        for (Domain d : ReviewVocabulary.DOMAINS) {
            for (String q : d.questions()) {
                prompt = Math.max(prompt, q.replace("{item}", longest(d.items()))
                        .replace("{place}", longest(d.places())).length());
            }
        }
        prompt += QUESTION_MARK.length() + ANSWER_MARK.length() + TriggerPool.MAX_LETTERS + 1;
        String adj = longest(concat(ReviewVocabulary.POSITIVE_ADJECTIVES, ReviewVocabulary.NEGATIVE_ADJECTIVES));
        String verb = longest(concat(ReviewVocabulary.POSITIVE_VERBS, ReviewVocabulary.NEGATIVE_VERBS));
        String phrase = longest(concat(ReviewVocabulary.POSITIVE_PHRASES, ReviewVocabulary.NEGATIVE_PHRASES));
        int answer = 0;
        for (String a : ReviewVocabulary.ANSWERS) {
            answer = Math.max(answer, a.replace("{adj2}", adj).replace("{adj}", adj).replace("{phrase}", phrase)
                    .replace("{verb}", verb).length() + 1);
        }
        for (String r : ReviewVocabulary.REFUSALS) {
            answer = Math.max(answer, r.length() + 1);
        }
        return prompt + answer;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String longest(List<String> words) {
        return words.stream().reduce("", (a, b) -> b.length() > a.length() ? b : a);
    }

    private static Stream<String> allStrings() {
        Stream<String> lists = Stream.concat(Stream.concat(ReviewVocabulary.questionLists(),
                ReviewVocabulary.reviewAnswerLists()), Stream.of(ReviewVocabulary.REFUSALS)).flatMap(List::stream)
                .map(s -> s.replaceAll("\\{[a-z0-9]+}", ""));
        return Stream.concat(lists, Stream.of(QUESTION_MARK, ANSWER_MARK));
    }
}
