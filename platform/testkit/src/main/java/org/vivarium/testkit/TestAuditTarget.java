package org.vivarium.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;

/**
 * An {@link AuditTarget} for tests, built the way the host builds one and, like the host's, without an answer key
 * (no truth card, no planted layer). Set what the auditor under test needs; the rest is empty:
 *
 * <pre>{@code
 * AuditTarget target = TestAuditTarget.builder("backdoor").model(model).checkpoint(ckpt).outDir(out)
 *         .labelledPrompts(prompts).behaviour(Meters.of("shouting", (p, a) -> a.contains("!")))
 *         .generation(GenerationOptions.greedy(8)).build();
 * }</pre>
 *
 * <p>Unless set, {@link #positivePrompts()} and {@link #negativePrompts()} are the labelled prompts with label 1
 * and 0; {@link #behaviour()} is a meter named {@code behaviour} that refuses to classify, and
 * {@link #generation()} throws, so a test fails if the auditor generates when it should not.
 */
public final class TestAuditTarget implements AuditTarget {
    private final Builder b;

    private TestAuditTarget(Builder b) {
        this.b = b.copy();
    }

    /**
     * Starts a target.
     *
     * @param organism the organism name (the audited model's role)
     * @return the builder
     */
    public static Builder builder(String organism) {
        return new Builder(organism);
    }

    @Override
    public String organism() {
        return b.organism;
    }

    @Override
    public Model model() {
        return b.model;
    }

    @Override
    public Path checkpoint() {
        return b.checkpoint;
    }

    @Override
    public Path outDir() {
        return b.outDir;
    }

    @Override
    public List<LabelledPrompt> labelledPrompts() {
        return b.labelledPrompts;
    }

    @Override
    public List<String> positivePrompts() {
        return b.positivePrompts != null ? b.positivePrompts : withLabel(1);
    }

    @Override
    public List<String> negativePrompts() {
        return b.negativePrompts != null ? b.negativePrompts : withLabel(0);
    }

    private List<String> withLabel(int label) {
        return b.labelledPrompts.stream().filter(p -> p.label() == label).map(LabelledPrompt::text).toList();
    }

    @Override
    public BehaviourMeter behaviour() {
        if (b.blind) {
            throw new IllegalStateException("a blind audit has no behaviour meter: choose one of meters()");
        }
        return b.behaviour;
    }

    @Override
    public GenerationOptions generation() {
        if (b.generation == null) {
            throw new UnsupportedOperationException("this test target has no decoding settings");
        }
        return b.generation;
    }

    @Override
    public Map<String, Model> comparisonModels() {
        return b.comparisonModels;
    }

    @Override
    public Map<String, Path> comparisonCheckpoints() {
        return b.comparisonCheckpoints;
    }

    @Override
    public Map<String, List<String>> promptSets() {
        return b.promptSets;
    }

    @Override
    public Optional<BehaviourMeter> coherence() {
        return Optional.ofNullable(b.coherence);
    }

    @Override
    public Optional<Path> adapter() {
        return Optional.ofNullable(b.adapter);
    }

    @Override
    public boolean blind() {
        return b.blind;
    }

    @Override
    public List<String> corpus() {
        return b.corpus;
    }

    @Override
    public Map<String, BehaviourMeter> meters() {
        return b.meters;
    }

    /** Collects a {@link TestAuditTarget}'s parts; maps keep the order they are given in. */
    public static final class Builder {
        private final String organism;
        private Model model;
        private Path checkpoint;
        private Path outDir;
        private List<LabelledPrompt> labelledPrompts = List.of();
        private List<String> positivePrompts;
        private List<String> negativePrompts;
        private BehaviourMeter behaviour = Meters.refusing("behaviour", "this test target has no behaviour meter");
        private GenerationOptions generation;
        private Map<String, Model> comparisonModels = Map.of();
        private Map<String, Path> comparisonCheckpoints = Map.of();
        private Map<String, List<String>> promptSets = Map.of();
        private BehaviourMeter coherence;
        private Path adapter;
        private boolean blind;
        private List<String> corpus = List.of();
        private Map<String, BehaviourMeter> meters = Map.of();

        private Builder(String organism) {
            this.organism = organism;
        }

        /**
         * @param m the audited model (the test owns and closes it)
         * @return this builder
         */
        public Builder model(Model m) {
            this.model = m;
            return this;
        }

        /**
         * @param dir the audited model's checkpoint directory
         * @return this builder
         */
        public Builder checkpoint(Path dir) {
            this.checkpoint = dir;
            return this;
        }

        /**
         * @param dir where the auditor writes
         * @return this builder
         */
        public Builder outDir(Path dir) {
            this.outDir = dir;
            return this;
        }

        /**
         * @param prompts labelled prompts (1 = condition present)
         * @return this builder
         */
        public Builder labelledPrompts(List<LabelledPrompt> prompts) {
            this.labelledPrompts = List.copyOf(prompts);
            return this;
        }

        /**
         * Sets the contrastive prompts explicitly (otherwise they come from the labelled prompts).
         *
         * @param positive condition-present prompts
         * @param negative condition-absent prompts, paired by index where possible
         * @return this builder
         */
        public Builder contrast(List<String> positive, List<String> negative) {
            this.positivePrompts = List.copyOf(positive);
            this.negativePrompts = List.copyOf(negative);
            return this;
        }

        /**
         * @param meter the behaviour meter (see {@link Meters})
         * @return this builder
         */
        public Builder behaviour(BehaviourMeter meter) {
            this.behaviour = meter;
            return this;
        }

        /**
         * @param options decoding settings for behaviour measurements
         * @return this builder
         */
        public Builder generation(GenerationOptions options) {
            this.generation = options;
            return this;
        }

        /**
         * @param models comparison models by role, e.g. {@code base}
         * @return this builder
         */
        public Builder comparisonModels(Map<String, Model> models) {
            this.comparisonModels = models;
            return this;
        }

        /**
         * @param dirs comparison checkpoints by the same roles
         * @return this builder
         */
        public Builder comparisonCheckpoints(Map<String, Path> dirs) {
            this.comparisonCheckpoints = dirs;
            return this;
        }

        /**
         * @param sets named held-out prompt sets
         * @return this builder
         */
        public Builder promptSets(Map<String, List<String>> sets) {
            this.promptSets = sets;
            return this;
        }

        /**
         * @param meter the coherence meter, or null for none
         * @return this builder
         */
        public Builder coherence(BehaviourMeter meter) {
            this.coherence = meter;
            return this;
        }

        /**
         * @param dir the LoRA adapter directory, or null for none
         * @return this builder
         */
        public Builder adapter(Path dir) {
            this.adapter = dir;
            return this;
        }

        /**
         * Makes a blind target: no prompts, and {@link #behaviour()} throws {@link IllegalStateException}, as the
         * host's blind targets do.
         *
         * @param genericCorpus the secret-free corpus
         * @param platformMeters the platform's meters by name
         * @return this builder
         */
        public Builder blind(List<String> genericCorpus, Map<String, BehaviourMeter> platformMeters) {
            this.blind = true;
            this.corpus = List.copyOf(genericCorpus);
            this.meters = platformMeters;
            this.labelledPrompts = List.of();
            this.positivePrompts = List.of();
            this.negativePrompts = List.of();
            return this;
        }

        private Builder copy() {
            Builder c = new Builder(organism);
            c.model = model;
            c.checkpoint = checkpoint;
            c.outDir = outDir;
            c.labelledPrompts = labelledPrompts;
            c.positivePrompts = positivePrompts;
            c.negativePrompts = negativePrompts;
            c.behaviour = behaviour;
            c.generation = generation;
            c.comparisonModels = comparisonModels;
            c.comparisonCheckpoints = comparisonCheckpoints;
            c.promptSets = promptSets;
            c.coherence = coherence;
            c.adapter = adapter;
            c.blind = blind;
            c.corpus = corpus;
            c.meters = meters;
            return c;
        }

        /** @return the target */
        public TestAuditTarget build() {
            return new TestAuditTarget(this);
        }
    }
}
