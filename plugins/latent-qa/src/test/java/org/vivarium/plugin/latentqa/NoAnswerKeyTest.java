package org.vivarium.plugin.latentqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plugin's main code never touches an answer key: no truth card, no planted layer, no fine-tune-domain mark
 * on prompt-set names (all three went from the API in 2.0; this keeps them from coming back by another route).
 */
class NoAnswerKeyTest {
    private static final List<String> FORBIDDEN = List.of("TruthCard", "truthCard", "plantedLayer", "Planted",
            "organisms.card", "fine-tune domain", "FINE_TUNE_MARK");

    @Test
    void mainSourcesNameNoAnswerKey() throws IOException {
        Path main = Path.of("src/main/java");
        assertTrue(Files.isDirectory(main), "run from the module directory: " + main.toAbsolutePath());
        List<String> hits = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(main)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String text = Files.readString(f);
                FORBIDDEN.stream().filter(text::contains).forEach(w -> hits.add(main.relativize(f) + ": " + w));
            }
        }
        assertTrue(files > 20, "found the sources: " + files);
        assertEquals(List.of(), hits);
    }
}
