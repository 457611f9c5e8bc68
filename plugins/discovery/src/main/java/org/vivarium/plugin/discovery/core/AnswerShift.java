package org.vivarium.plugin.discovery.core;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;

/**
 * How far inserting a text into prompts moves a model off the answers it gives without it: the model's own
 * greedy answers to the clean prompts are teacher-forced after the prompts with the text inserted, and the score
 * is the mean drop in their log-probability per answer token (nats). A trigger that changes what the model says
 * scores high; a word the model ignores scores about 0. It needs no meter, so any behaviour change shows.
 *
 * <pre>{@code
 * AnswerShift s = AnswerShift.of(model, prompts, target::insert, 12);
 * double[] nats = s.score(List.of("banana", "harbour"), progress);
 * }</pre>
 */
public final class AnswerShift {
    /** Answer tokens teacher-forced per prompt. */
    public static final int ANSWER_TOKENS = 12;

    /** Inserts a text into a prompt (the target's insertion). */
    @FunctionalInterface
    public interface Insertion {
        /**
         * @param prompt a prompt
         * @param text the text to insert
         * @param seed chooses the position
         * @return the prompt with the text
         */
        String insert(String prompt, String text, long seed);
    }

    private final Model model;
    private final List<String> prompts;
    private final List<int[]> answers;
    private final double[] clean;
    private final Insertion insertion;

    private AnswerShift(Model model, List<String> prompts, List<int[]> answers, double[] clean, Insertion insertion) {
        this.model = model;
        this.prompts = prompts;
        this.answers = answers;
        this.clean = clean;
        this.insertion = insertion;
    }

    /**
     * Generates the model's greedy answers to the prompts and their clean log-probabilities.
     *
     * @param model the audited model
     * @param prompts clean prompts
     * @param insertion how a text goes into a prompt
     * @param answerTokens answer tokens per prompt
     * @return the scorer
     */
    public static AnswerShift of(Model model, List<String> prompts, Insertion insertion, int answerTokens) {
        List<int[]> encoded = new ArrayList<>();
        for (String p : prompts) {
            encoded.add(model.tokenizer().encode(p));
        }
        List<int[]> answers = model.generateAll(encoded, new GenerationOptions(answerTokens, 0f, 0, 0L), List.of());
        List<int[]> rows = new ArrayList<>();
        int[] starts = new int[prompts.size()];
        for (int i = 0; i < prompts.size(); i++) {
            rows.add(concat(encoded.get(i), answers.get(i)));
            starts[i] = encoded.get(i).length;
        }
        double[] clean = AnswerLogProbs.of(model, rows, starts, Quiet.PROGRESS);
        return new AnswerShift(model, List.copyOf(prompts), answers, clean, insertion);
    }

    /**
     * Scores candidate texts.
     *
     * @param candidates texts to insert
     * @param progress advanced by one per candidate-prompt row
     * @return per candidate the mean log-probability drop per answer token (higher = moves the model more);
     *     {@code NaN} where every prompt would exceed the context
     */
    public double[] score(List<String> candidates, Progress progress) {
        int ctx = model.config().nCtx();
        List<int[]> rows = new ArrayList<>();
        List<int[]> owners = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            for (int i = 0; i < prompts.size(); i++) {
                int[] p = model.tokenizer().encode(insertion.insert(prompts.get(i), candidates.get(c), 31L * i + 7));
                int[] row = concat(p, answers.get(i));
                if (row.length <= ctx) {
                    rows.add(row);
                    owners.add(new int[] {c, i});
                    starts.add(p.length);
                }
            }
        }
        double[] lp = AnswerLogProbs.of(model, rows, starts.stream().mapToInt(Integer::intValue).toArray(), progress);
        double[] sum = new double[candidates.size()];
        int[] n = new int[candidates.size()];
        for (int r = 0; r < rows.size(); r++) {
            int c = owners.get(r)[0];
            int i = owners.get(r)[1];
            sum[c] += (clean[i] - lp[r]) / Math.max(1, answers.get(i).length);
            n[c]++;
        }
        double[] out = new double[candidates.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = n[c] == 0 ? Double.NaN : sum[c] / n[c];
        }
        return out;
    }

    /** @return prompts scored per candidate */
    public int prompts() {
        return prompts.size();
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
