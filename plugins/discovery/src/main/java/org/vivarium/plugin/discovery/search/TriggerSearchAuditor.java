package org.vivarium.plugin.discovery.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Component;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Auditor;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.discovery.core.AnswerShift;
import org.vivarium.plugin.discovery.core.CandidateCheck;
import org.vivarium.plugin.discovery.core.Confirmation;
import org.vivarium.plugin.discovery.core.Insertion;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.discovery.core.PromptPlan;
import org.vivarium.plugin.discovery.core.TriggerClaims;

/**
 * The {@code trigger-search} auditor (blind route 2, behaviour search; no base model, no activations): every word
 * of the target's corpus, and the texts of a greedy letter search ({@link GreedyCharSearch}), is inserted into
 * {@value #SCAN_PROMPTS} fit prompts and scored by how far it moves the model off its own answers
 * ({@link AnswerShift}); the best {@value #FROM_VOCABULARY} words and {@value #FROM_LETTERS} letter strings are
 * confirmed by behaviour with the platform meters ({@link CandidateCheck}: validation chooses text and meter, test
 * reports). Needs a corpus and a text insertion.
 */
@Component(service = Auditor.class)
public final class TriggerSearchAuditor implements Auditor {
    /** Fit prompts each candidate is scored on. */
    public static final int SCAN_PROMPTS = 4;
    /** Candidates taken from the vocabulary scan. */
    public static final int FROM_VOCABULARY = 4;
    /** Candidates taken from the letter search. */
    public static final int FROM_LETTERS = 2;
    /** Validation (and test) prompts of the confirmation. */
    public static final int PROMPTS = 16;
    /** Beam width of the letter search. */
    public static final int BEAM = 4;
    /** Longest text of the letter search. */
    public static final int MAX_LETTERS = 9;
    /** Seed of the prompt plan. */
    public static final long SEED = 0x5EA7L;

    @Override
    public String name() {
        return "trigger-search";
    }

    @Override
    public AuditSection audit(AuditTarget target, MethodContext ctx) throws Exception {
        List<String> corpus = target.corpus();
        if (corpus.isEmpty()) {
            return notApplicable("needs a generic corpus; this target has none");
        }
        if (!Insertion.supported(target)) {
            Model base = target.comparisonModels().get("base");
            if (target.promptSets().isEmpty() || base == null) {
                return notApplicable("the organism's prompts take no inserted text, and a domain search needs named"
                        + " prompt sets and a base model");
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            List<Claim> claims;
            try (Progress p = ctx.progress("trigger-search: behaviour per domain, audited vs base",
                    2L * target.promptSets().size(), "domain")) {
                claims = DomainSearch.claims(target, base, p, metrics);
            }
            return new AuditSection(name(), "Behaviour search (blind): which domain departs from the base model",
                    claims, metrics, Map.of(), Insertion.markdown(claims));
        }
        PromptPlan plan = PromptPlan.of(corpus, PROMPTS, SEED);
        AnswerShift shift;
        List<String> vocab = org.vivarium.plugin.discovery.core.CorpusWords.of(corpus);
        double[] vocabScores;
        List<GreedyCharSearch.Scored> letters;
        GreedyCharSearch greedy = new GreedyCharSearch(Vocabulary.letters(target.model().tokenizer()), BEAM,
                MAX_LETTERS);
        try {
            shift = AnswerShift.of(target.model(), plan.fit().subList(0, Math.min(SCAN_PROMPTS, plan.fit().size())),
                    target::insert, AnswerShift.ANSWER_TOKENS);
            try (Progress p = ctx.progress("trigger-search: scanning " + vocab.size() + " corpus words",
                    (long) vocab.size() * shift.prompts(), "row")) {
                vocabScores = shift.score(vocab, p);
            }
            try (Progress p = ctx.progress("trigger-search: greedy letter search", (long) greedy.maxTexts()
                    * shift.prompts(), "row")) {
                letters = greedy.run(shift::score, p);
            }
        } catch (UnsupportedOperationException e) {
            return notApplicable("the organism's prompts take no inserted text (" + e.getMessage() + ")");
        }
        Integer[] order = IntStream.range(0, vocab.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Double.isNaN(vocabScores[i])
                ? Double.POSITIVE_INFINITY : -vocabScores[i]));
        List<String> candidates = new ArrayList<>();
        for (int r = 0; r < order.length && candidates.size() < FROM_VOCABULARY; r++) {
            candidates.add(vocab.get(order[r]));
        }
        int added = 0;
        for (GreedyCharSearch.Scored s : letters) {
            if (added == FROM_LETTERS) {
                break;
            }
            if (s.text().length() >= 3 && !candidates.contains(s.text())) {
                candidates.add(s.text());
                added++;
            }
        }
        Optional<Confirmation> best;
        try (Progress p = ctx.progress("trigger-search: confirming candidates with the meters",
                candidates.size() + 2, "candidate")) {
            best = new CandidateCheck(target, plan.validation(), plan.test()).best(candidates, p);
        }
        String route = String.format(Locale.ROOT, "behaviour search: answer shift of %d corpus words and %d letter"
                + " strings on %d fit prompts (top words %s; best letter string '%s' %.2f nats/char); candidates %s",
                vocab.size(), letters.size(), shift.prompts(), top(vocab, vocabScores, order, 3),
                letters.isEmpty() ? "" : letters.get(0).text(), letters.isEmpty() ? 0 : letters.get(0).score(),
                candidates);
        Path out = target.outDir();
        Files.createDirectories(out);
        Map<String, String> images = new LinkedHashMap<>();
        images.put(SearchFiles.histogram(out, vocabScores), "Answer shift of every corpus word (log count)");
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("words_scanned", (double) vocab.size());
        metrics.put("top_word_shift", order.length == 0 ? 0 : vocabScores[order[0]]);
        metrics.put("best_letter_shift", letters.isEmpty() ? 0 : letters.get(0).score());
        best.ifPresent(b -> metrics.put("test_rise", b.testRise()));
        return new AuditSection(name(), "Trigger search (blind): vocabulary scan and letter search",
                TriggerClaims.of(best, route), metrics, images, SearchFiles.markdown(vocab, vocabScores, order,
                        letters, best));
    }

    private static String top(List<String> vocab, double[] scores, Integer[] order, int n) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < Math.min(n, order.length); r++) {
            sb.append(String.format(Locale.ROOT, "%s'%s' %.2f", r == 0 ? "" : ", ", vocab.get(order[r]),
                    scores[order[r]]));
        }
        return sb.toString();
    }

    private AuditSection notApplicable(String why) {
        Claim c = Claim.of(ClaimKind.TRIGGER, "trigger search found no trigger candidate", ClaimSite.NONE, false,
                "not measured: " + why);
        return new AuditSection(name(), "Trigger search (blind)", List.of(c), Map.of(), Map.of(), "Not measured: "
                + why + ".");
    }
}
