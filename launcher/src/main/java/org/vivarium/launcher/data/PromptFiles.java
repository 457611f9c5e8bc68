package org.vivarium.launcher.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;

/** Reads prompt files: one prompt per line, blank lines and lines starting with {@code #} skipped. */
public final class PromptFiles {
    private PromptFiles() {
    }

    /**
     * Reads prompts.
     *
     * @param file the file
     * @return the prompts, in file order
     */
    public static List<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new VivariumException("prompt file " + file + " does not exist",
                    "pass a UTF-8 text file with one prompt per line via --prompts");
        }
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            if (out.isEmpty()) {
                throw new VivariumException("prompt file " + file + " has no prompts",
                        "write one prompt per line (lines starting with # are comments)");
            }
            return out;
        } catch (IOException e) {
            throw new VivariumException("cannot read prompt file " + file + ": " + e.getMessage(),
                    "check the file is readable UTF-8 text", e);
        }
    }
}
