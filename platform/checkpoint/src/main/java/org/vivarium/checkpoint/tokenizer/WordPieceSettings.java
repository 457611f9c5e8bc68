package org.vivarium.checkpoint.tokenizer;

import java.util.List;
import org.vivarium.api.VivariumException;

/**
 * The options of a BERT WordPiece tokenizer, named as in Hugging Face's {@code tokenizer.json}
 * ({@code BertNormalizer}, {@code BertPreTokenizer}, {@code WordPiece} model, {@code [CLS] A [SEP]} template).
 *
 * <pre>{@code
 * WordPieceSettings s = WordPieceSettings.uncased();   // bert-base-uncased / MiniLM defaults
 * }</pre>
 *
 * @param cleanText drop control characters and map every whitespace character to a space
 * @param handleChineseChars put spaces around CJK ideographs so each becomes its own word
 * @param stripAccents decompose (NFD) and drop non-spacing marks
 * @param lowercase lower-case the text
 * @param unkToken the token for words that cannot be split into pieces
 * @param clsToken the token prepended to every sequence
 * @param sepToken the token appended to every sequence
 * @param padToken the token used to pad rows of a batch
 * @param continuingSubwordPrefix the prefix of word-internal pieces, {@code ##}
 * @param maxInputCharsPerWord words longer than this (in code points) become {@code unkToken}
 * @param specialTokens tokens matched literally in the raw text before normalisation
 */
public record WordPieceSettings(boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase,
        String unkToken, String clsToken, String sepToken, String padToken, String continuingSubwordPrefix,
        int maxInputCharsPerWord, List<String> specialTokens) {

    /** Validates the settings and copies the special-token list. */
    public WordPieceSettings {
        if (unkToken == null || clsToken == null || sepToken == null || padToken == null
                || continuingSubwordPrefix == null || continuingSubwordPrefix.isEmpty()) {
            throw new VivariumException("WordPiece settings need unk, cls, sep and pad tokens and a non-empty "
                    + "continuing-subword prefix", "fix tokenizer.json or re-import the model");
        }
        if (maxInputCharsPerWord <= 0) {
            throw new VivariumException("max_input_chars_per_word=" + maxInputCharsPerWord + " must be > 0",
                    "fix tokenizer.json or re-import the model");
        }
        specialTokens = List.copyOf(specialTokens == null ? List.of() : specialTokens);
    }

    /**
     * Returns the settings of uncased BERT vocabularies (bert-base-uncased, all-MiniLM-L6-v2).
     *
     * @return lower-casing, accent-stripping settings with the usual special tokens
     */
    public static WordPieceSettings uncased() {
        return new WordPieceSettings(true, true, true, true, "[UNK]", "[CLS]", "[SEP]", "[PAD]", "##", 100,
                List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
    }
}
