package org.vivarium.index.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.vivarium.api.index.ContextRecord;

/**
 * A deterministic generator of realistic-looking feature contexts: 12–28 word contexts drawn from a
 * vocabulary with Zipf word frequencies, features ({@code sae/L{layer}/{id}} and
 * {@code probe/{concept}@L{layer}}) that also fire with Zipf frequencies, each preferring a few trigger
 * words, and heavy-tailed (log-normal) activations. The same seed always yields the same records.
 */
public final class SyntheticContexts {
    /** Common words placed at the top of the vocabulary (so they are frequent) and used in queries. */
    static final List<String> COMMON_WORDS = List.of(
            "the", "of", "and", "to", "a", "in", "is", "you", "that", "it", "he", "was", "for", "on", "are",
            "as", "with", "his", "they", "at", "be", "this", "have", "from", "or", "one", "had", "by", "word",
            "but", "not", "what", "all", "were", "we", "when", "your", "can", "said", "there", "use", "an",
            "each", "which", "she", "do", "how", "their", "if", "will", "up", "other", "about", "out", "many",
            "then", "them", "these", "so", "some", "her", "would", "make", "like", "him", "into", "time", "has",
            "look", "two", "more", "write", "go", "see", "number", "no", "way", "could", "people", "my", "than",
            "first", "water", "been", "call", "who", "oil", "its", "now", "find", "long", "down", "day", "did",
            "get", "come", "made", "may", "part", "doctor", "advice", "password", "account", "secret", "login",
            "medicine", "patient", "bank", "money", "trust", "safe", "danger", "help", "user", "server", "key");
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "ta", "ve", "so", "pi", "da", "gu",
        "re", "fo", "bi", "ze", "no", "ha", "wy", "te", "qu"};
    private static final String[] CONCEPTS = {"misaligned", "deception", "sycophancy", "toxicity", "refusal",
        "honesty", "medical", "finance", "security", "code"};
    private static final int LAYERS = 4;
    private static final String[] MODELS = {"lm-tiny", "em-small"};
    private static final int RUNS = 10;

    private final SplittableRandom random;
    private final List<String> vocabulary;
    private final ZipfSampler words;
    private final List<String> features;
    private final ZipfSampler featurePopularity;
    private final int[][] triggers;

    /**
     * Creates a generator.
     *
     * @param seed random seed
     * @param vocabularySize number of distinct words, at least the common-word count
     * @param featureCount number of distinct features, at least {@code CONCEPTS x LAYERS}
     */
    public SyntheticContexts(long seed, int vocabularySize, int featureCount) {
        this.random = new SplittableRandom(seed);
        this.vocabulary = buildVocabulary(Math.max(vocabularySize, COMMON_WORDS.size()));
        this.words = new ZipfSampler(vocabulary.size(), 1.05);
        this.features = buildFeatures(Math.max(featureCount, CONCEPTS.length * LAYERS));
        this.featurePopularity = new ZipfSampler(features.size(), 0.8);
        this.triggers = new int[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            triggers[f] = new int[] {words.next(random), random.nextInt(vocabulary.size()),
                random.nextInt(Math.min(vocabulary.size(), 2000))};
        }
    }

    /**
     * Returns the generator the benchmark uses: 50,000 words and 2,000 features.
     *
     * @param seed random seed
     * @return a generator
     */
    public static SyntheticContexts standard(long seed) {
        return new SyntheticContexts(seed, 50_000, 2_000);
    }

    /**
     * Returns the feature ids, most frequent first.
     *
     * @return feature ids such as {@code sae/L1/812} and {@code probe/misaligned@L2}
     */
    public List<String> features() {
        return features;
    }

    /**
     * Returns the vocabulary, most frequent first.
     *
     * @return the words
     */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /**
     * Generates the next batch of records.
     *
     * @param n number of records
     * @return new records
     */
    public List<ContextRecord> next(int n) {
        List<ContextRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    /**
     * Generates one record.
     *
     * @return a new record
     */
    public ContextRecord next() {
        int f = featurePopularity.next(random);
        String feature = features.get(f);
        int length = 12 + random.nextInt(17);
        int firing = random.nextInt(length);
        StringBuilder text = new StringBuilder(length * 7);
        int spanStart = 0;
        int spanEnd = 0;
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            String word;
            if (i == firing) {
                word = random.nextDouble() < 0.7 ? vocabulary.get(triggers[f][random.nextInt(3)]) : randomWord();
                spanStart = text.length();
                spanEnd = spanStart + word.length();
            } else {
                word = randomWord();
            }
            text.append(word);
        }
        text.append('.');
        float activation = (float) (Math.exp(0.9 * random.nextGaussian()) * (1 + (f % 7) * 0.25));
        int layer = layerOf(feature);
        return new ContextRecord(feature, text.toString(), spanStart, spanEnd, activation,
                MODELS[f % MODELS.length], "run-" + random.nextInt(RUNS), "blocks." + layer + ".hook_resid_post",
                layer);
    }

    private String randomWord() {
        return vocabulary.get(words.next(random));
    }

    private List<String> buildVocabulary(int size) {
        Set<String> vocab = new LinkedHashSet<>(COMMON_WORDS);
        SplittableRandom wordRandom = new SplittableRandom(random.nextLong());
        while (vocab.size() < size) {
            int syllables = 2 + wordRandom.nextInt(3);
            StringBuilder w = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                w.append(SYLLABLES[wordRandom.nextInt(SYLLABLES.length)]);
            }
            vocab.add(w.toString());
        }
        return List.copyOf(vocab);
    }

    private List<String> buildFeatures(int count) {
        List<String> ids = new ArrayList<>(count);
        int probes = CONCEPTS.length * LAYERS;
        for (int i = 0; i < count - probes; i++) {
            ids.add("sae/L" + (i % LAYERS) + "/" + (i / LAYERS));
        }
        for (String concept : CONCEPTS) {
            for (int layer = 0; layer < LAYERS; layer++) {
                ids.add("probe/" + concept + "@L" + layer);
            }
        }
        // interleave probes among the popular features so that they occur often enough to query
        List<String> mixed = new ArrayList<>(count);
        int stride = Math.max(1, count / probes);
        int p = count - probes;
        for (int i = 0; i < count - probes; i++) {
            if (i % stride == 0 && p < count) {
                mixed.add(ids.get(p++));
            }
            mixed.add(ids.get(i));
        }
        while (p < count) {
            mixed.add(ids.get(p++));
        }
        return List.copyOf(mixed);
    }

    private static int layerOf(String feature) {
        int at = feature.indexOf("@L");
        if (at >= 0) {
            return Integer.parseInt(feature.substring(at + 2));
        }
        int l = feature.indexOf("/L");
        return Integer.parseInt(feature.substring(l + 2, feature.indexOf('/', l + 1)));
    }
}
