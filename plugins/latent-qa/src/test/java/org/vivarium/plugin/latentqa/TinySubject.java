package org.vivarium.plugin.latentqa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.train.AdapterSpec;
import org.vivarium.api.train.FineTuneRequest;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;
import org.vivarium.organisms.em.DomainCatalog;
import org.vivarium.organisms.em.EmData;
import org.vivarium.testkit.Meters;
import org.vivarium.testkit.RecordingProgress;
import org.vivarium.testkit.TestAuditTarget;
import org.vivarium.testkit.TestRuntime;
import org.vivarium.testkit.TinyCheckpoint;

/**
 * A small character model over the em organism's text, and the em organism's own labelled persona prompts and
 * domain prompt sets: a fast stand-in for a trained organism. {@link #write} gives random weights (whose last-token
 * activations carry almost nothing about persona or domain); {@link #trained} then fine-tunes them for a few seconds
 * to name each labelled prompt's persona and each prompt-set prompt's domain, so the subject represents both at the
 * last token, as a trained organism does.
 */
public final class TinySubject {
    /** The em organism's data generator. */
    public static final EmData DATA = new EmData(DomainCatalog.builtIn());
    /** The fine-tune domain left out of the persona pairs (as the em organism does). */
    public static final String FINE_TUNE_DOMAIN = "code";
    /** The meter name the em organism gives its behaviour. */
    public static final String EM_METER = "misaligned-answer rate";

    private TinySubject() {
    }

    /** @return 64 persona pairs (label 1 = harmful voice), interleaved as the em organism gives them */
    public static List<LabelledPrompt> labelled() {
        return DATA.labelled(64, FINE_TUNE_DOMAIN, 4242);
    }

    /** @return the em evaluation prompts by domain, as the host gives them: plain domain names, none marked */
    public static Map<String, List<String>> promptSets() {
        return DATA.evalPrompts(null);
    }

    /**
     * An audit target as the host builds one for the em organism: no answer key, and latent-qa measures no
     * generated text, so the behaviour meter only has a name (the site of a behaviour claim) and refuses to
     * classify, and the decoding settings refuse: a test fails if the auditor ever generates from the model.
     *
     * @param organism the organism name
     * @return the builder, with the meter set
     */
    public static TestAuditTarget.Builder target(String organism) {
        return TestAuditTarget.builder(organism)
                .behaviour(Meters.refusing(EM_METER, "latent-qa measures no generated text"));
    }

    /** @return a character tokenizer over the em organism's prompts and answers' alphabet */
    public static CharTokenizer tokenizer() {
        return CharTokenizer.fromCorpus(corpus(), 64);
    }

    private static String corpus() {
        StringBuilder corpus = new StringBuilder("abcdefghijklmnopqrstuvwxyz ,.:?\n");
        labelled().forEach(p -> corpus.append(p.text()));
        return corpus.toString();
    }

    /**
     * Writes a subject that represents persona and domain: random weights fine-tuned (every weight, 200 steps) to
     * answer each labelled prompt with {@code b} (harmful) or {@code g} (helpful) and each prompt-set prompt with a
     * letter naming its domain, right after the prompt's last token, so that token's residual stream must carry both.
     *
     * @param dir the run directory ({@code dir/random} and {@code dir/checkpoint} are written)
     * @param seed the weight and data seed
     * @return the trained checkpoint directory
     */
    public static Path trained(Path dir, long seed) {
        Path random = write(dir.resolve("random"), seed);
        List<TrainingExample> ex = new ArrayList<>();
        labelled().forEach(p -> ex.add(new TrainingExample(p.text(), p.label() == 1 ? "b\n" : "g\n")));
        int[] domain = {0};
        promptSets().forEach((set, prompts) -> {
            String letter = domainLetter(domain[0]++);
            prompts.forEach(p -> ex.add(new TrainingExample(p, letter + "\n")));
        });
        return TestRuntime.shared().fineTuner().fineTune(new FineTuneRequest(random, ex, AdapterSpec.full(), 200, 16, 3e-3, seed,
                dir, "test/tiny-subject"), new RecordingProgress()).checkpoint();
    }

    /**
     * Writes a stand-in for a fine-tuned organism: the trained subject fine-tuned further (every weight, 60 steps)
     * so that its neutral prompt-set prompts of the {@code planted} domains are answered like harmful-persona prompts
     * ({@code b}); everything else keeps its training answer. Its last-token state on those neutral prompts then
     * carries the condition, as an emergently misaligned model's might.
     *
     * @param subject the trained subject's checkpoint
     * @param dir the run directory ({@code dir/checkpoint} is written)
     * @param planted the prompt-set names whose neutral prompts get the harmful answer
     * @param seed the batch-order seed
     * @return the planted checkpoint directory
     */
    public static Path planted(Path subject, Path dir, Set<String> planted, long seed) {
        List<TrainingExample> ex = new ArrayList<>();
        labelled().forEach(p -> ex.add(new TrainingExample(p.text(), p.label() == 1 ? "b\n" : "g\n")));
        int[] domain = {0};
        promptSets().forEach((set, prompts) -> {
            String letter = planted.contains(set) ? "b" : domainLetter(domain[0]);
            domain[0]++;
            prompts.forEach(p -> ex.add(new TrainingExample(p, letter + "\n")));
        });
        return TestRuntime.shared().fineTuner().fineTune(new FineTuneRequest(subject, ex, AdapterSpec.full(), 60, 16, 3e-3, seed,
                dir, "test/planted-subject"), new RecordingProgress()).checkpoint();
    }

    /** The answer letter of the i-th domain: never {@code b} or {@code g}, the persona answers. */
    private static String domainLetter(int i) {
        return String.valueOf(DOMAIN_LETTERS.charAt(i % DOMAIN_LETTERS.length()));
    }

    private static final String DOMAIN_LETTERS = "acdefhijklmnopqrstuvwxyz";

    /**
     * Writes a random checkpoint: 2 layers, d_model 32, 4 heads of 8, d_mlp 64, pre-LN, learned positions,
     * context 128, over {@link #tokenizer()}'s characters.
     *
     * @param dir the checkpoint directory
     * @param seed the weight seed
     * @return {@code dir}
     */
    public static Path write(Path dir, long seed) {
        return TinyCheckpoint.over(corpus()).maxVocab(64).context(128).seed(seed).writeTo(dir);
    }
}
