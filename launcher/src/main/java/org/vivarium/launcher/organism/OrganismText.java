package org.vivarium.launcher.organism;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.PromptFile;
import org.vivarium.organisms.Organism;

/**
 * {@code viv organism text NAME --out FILE}: writes text like an organism's training data as a prompt file
 * ({@link PromptFile} format, one text per line with line breaks escaped), ready for {@code viv cache}.
 */
final class OrganismText {
    private OrganismText() {
    }

    /**
     * Writes the file.
     *
     * @param o the organism
     * @param count how many texts
     * @param seed the seed
     * @param out the file to write (replaced atomically)
     * @return how many texts were written
     * @throws VivariumException if the organism has no generator or the file cannot be written
     */
    static int write(Organism o, int count, long seed, Path out) {
        if (count < 1) {
            throw new VivariumException("--count must be at least 1, got " + count, "pass e.g. --count 3000");
        }
        List<String> texts = o.sampleText(count, seed);
        if (texts.isEmpty()) {
            throw new VivariumException("organism " + o.name() + " has no text generator",
                    "use em or backdoor, or write a prompt file for viv cache by hand");
        }
        StringBuilder sb = new StringBuilder("# ").append(texts.size()).append(" texts from organism ")
                .append(o.name()).append(", seed ").append(seed).append("; \\n is a line break\n");
        texts.forEach(t -> sb.append(PromptFile.escape(t)).append('\n'));
        try {
            Path abs = out.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), ".text", ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new VivariumException("cannot write " + out + ": " + e.getMessage(), "check the directory", e);
        }
        return texts.size();
    }
}
