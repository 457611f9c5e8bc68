package org.vivarium.plugin.circuits.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.runtime.tokenizer.HfTokenizer;

/**
 * {@code --answer} / {@code --wrong} with a Llama-style Hugging Face tokenizer whose post-processor prepends BOS: the
 * answer is the one token that follows the prompt, not {@code BOS token}.
 */
class AnswerTokenTest {
    private static final String TOKENIZER_JSON = """
            {"version": "1.0", "truncation": null, "padding": null,
             "added_tokens": [{"id": 1, "content": "<s>", "single_word": false, "lstrip": false, "rstrip": false,
                               "normalized": false, "special": true}],
             "normalizer": null, "pre_tokenizer": {"type": "Whitespace"},
             "post_processor": {"type": "TemplateProcessing",
               "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
               "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                        {"Sequence": {"id": "B", "type_id": 1}}],
               "special_tokens": {"<s>": {"id": "<s>", "ids": [1], "tokens": ["<s>"]}}},
             "decoder": null,
             "model": {"type": "WordLevel", "vocab": {"[UNK]": 0, "<s>": 1, "w1": 2, "w2": 3, "w3": 4},
                       "unk_token": "[UNK]"}}
            """;

    @TempDir
    Path tmp;

    @Test
    void theAnswerIsOneTokenWithoutTheBos() throws Exception {
        HfTokenizer tok = HfTokenizer.load(Files.writeString(tmp.resolve("tokenizer.json"), TOKENIZER_JSON), 5);
        assertArrayEquals(new int[] {1, 4}, tok.encode("w3"), "the tokenizer adds BOS to a text");
        assertEquals(4, CommandInputs.token(tok, "w3", "answer"));
        VivariumException two = assertThrows(VivariumException.class, () -> CommandInputs.token(tok, "w1 w2", "wrong"));
        assertTrue(two.getMessage().contains("encodes to 2 tokens"), two.getMessage());
    }
}
