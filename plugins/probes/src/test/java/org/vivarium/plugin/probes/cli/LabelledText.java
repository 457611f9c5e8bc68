package org.vivarium.plugin.probes.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds labelled prompts from real English: random snippets of a corpus that end on a letter, labelled
 * 1 when that last letter is a vowel. The label is visible in the final character, so a model's
 * residual stream at the last position should carry it.
 */
final class LabelledText {
    private LabelledText() {
    }

    static String vowelEndingTsv(String corpus, int perClass, long seed) {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>();
        int[] count = new int[2];
        while (count[0] < perClass || count[1] < perClass) {
            int len = 16 + r.nextInt(32);
            int start = r.nextInt(corpus.length() - len);
            String s = corpus.substring(start, start + len).replaceAll("\\s+", " ").strip();
            if (s.isEmpty() || !Character.isLetter(s.charAt(s.length() - 1))) {
                continue;
            }
            int label = "aeiouAEIOU".indexOf(s.charAt(s.length() - 1)) >= 0 ? 1 : 0;
            if (count[label] < perClass) {
                count[label]++;
                lines.add(label + "\t" + s);
            }
        }
        return "# label 1: the text ends in a vowel\n" + String.join("\n", lines) + "\n";
    }

    static String shuffleLabels(String tsv, long seed) {
        List<String> labels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (!line.startsWith("#")) {
                labels.add(line.substring(0, 1));
                texts.add(line.substring(2));
            }
        }
        java.util.Collections.shuffle(labels, new Random(seed));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            b.append(labels.get(i)).append('\t').append(texts.get(i)).append('\n');
        }
        return b.toString();
    }

    /**
     * A marker of the corpus's rarest characters that the tokenizer keeps (so the model has seen them, but
     * hardly ever): {@code count} distinct non-space characters, rarest first.
     */
    static String rareMarker(String corpus, org.vivarium.api.model.Tokenizer tok, int count) {
        java.util.Map<Character, Integer> freq = new java.util.TreeMap<>();
        for (char c : corpus.toCharArray()) {
            if (!Character.isWhitespace(c)) {
                freq.merge(c, 1, Integer::sum);
            }
        }
        StringBuilder m = new StringBuilder();
        freq.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey)
                .filter(c -> tok.decode(tok.encode(String.valueOf(c))).equals(String.valueOf(c)))
                .limit(count).forEach(m::append);
        return m.toString();
    }

    /**
     * Labelled prompts for the auditor: {@code perClass} pairs of corpus snippets (none containing a marker
     * character), label 0 as is, label 1 with the marker inserted as a word at a random word boundary;
     * interleaved 0, 1, 0, 1 like the organisms' prompts.
     */
    static List<org.vivarium.api.audit.LabelledPrompt> marked(String corpus, String marker, int perClass, long seed) {
        Random r = new Random(seed);
        List<org.vivarium.api.audit.LabelledPrompt> out = new ArrayList<>();
        while (out.size() < 2 * perClass) {
            int len = 24 + r.nextInt(24);
            int start = r.nextInt(corpus.length() - len);
            String s = corpus.substring(start, start + len).replaceAll("\\s+", " ").strip();
            if (s.chars().anyMatch(c -> marker.indexOf(c) >= 0) || s.split(" ").length < 3) {
                continue;
            }
            boolean marked = out.size() % 2 == 1;
            if (marked) {
                List<String> words = new ArrayList<>(List.of(s.split(" ")));
                words.add(r.nextInt(words.size() + 1), marker);
                s = String.join(" ", words);
            }
            out.add(new org.vivarium.api.audit.LabelledPrompt(s, marked ? 1 : 0));
        }
        return out;
    }
}
