package org.vivarium.runtime.tokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;

/**
 * A Hugging Face {@code tokenizer.json} run by the Hugging Face {@code tokenizers} library (DJL's binding; its native
 * library ships inside the jar, so nothing is downloaded). Special tokens are added as the file's post-processor
 * says, as {@code transformers} does by default ({@link #encodeContinuation} adds none); no truncation, no padding.
 *
 * <pre>{@code
 * Tokenizer tok = HfTokenizer.load(dir.resolve("hf_tokenizer.json"), cfg.dVocab());
 * int[] ids = tok.encode("Hello world");
 * }</pre>
 */
public final class HfTokenizer implements Tokenizer {
    private final HuggingFaceTokenizer hf;
    private final int vocabSize;

    private HfTokenizer(HuggingFaceTokenizer hf, int vocabSize) {
        this.hf = hf;
        this.vocabSize = vocabSize;
    }

    /**
     * Loads a tokenizer.json.
     *
     * @param file the Hugging Face tokenizer.json
     * @param vocabSize the model's vocabulary size ({@code d_vocab}, which may exceed the tokenizer's)
     * @return the tokenizer
     * @throws VivariumException if the file cannot be read or parsed by the tokenizers library
     */
    public static HfTokenizer load(Path file, int vocabSize) {
        try {
            return new HfTokenizer(HuggingFaceTokenizer.newInstance(file, Map.of("truncation", "false",
                    "padding", "false")), vocabSize);
        } catch (IOException | RuntimeException e) {
            throw new VivariumException("cannot load the Hugging Face tokenizer " + file + " (" + e.getMessage() + ")",
                    "replace it with the model's original tokenizer.json, or delete it to use token ids as text", e);
        }
    }

    @Override
    public int[] encode(String text) {
        return ids(hf.encode(text));
    }

    /** Encodes without the post-processor's special tokens (a completion after its prompt gets no second BOS). */
    @Override
    public int[] encodeContinuation(String text) {
        return ids(hf.encode(text, false, false));
    }

    private static int[] ids(Encoding e) {
        long[] ids = e.getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    @Override
    public String decode(int[] ids) {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            l[i] = ids[i];
        }
        return hf.decode(l, false);
    }

    @Override
    public String tokenText(int id) {
        return decode(new int[] {id});
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public String kind() {
        return "huggingface";
    }
}
