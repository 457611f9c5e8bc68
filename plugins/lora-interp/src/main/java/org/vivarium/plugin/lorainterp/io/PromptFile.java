package org.vivarium.plugin.lorainterp.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.VivariumException;

/** Reads a prompt file: one prompt per line, blank lines skipped. */
public final class PromptFile {
    private PromptFile() {
    }

    /**
     * Reads prompts.
     *
     * @param file the file
     * @param option the option that named it, e.g. {@code --prompts}, for messages
     * @return the non-blank lines, in order
     * @throws VivariumException if the file is missing, unreadable or holds no prompt
     */
    public static List<String> read(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new VivariumException("prompt file " + file + " (" + option + ") does not exist",
                    "pass a text file with one prompt per line");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VivariumException("cannot read prompt file " + file + ": " + e.getMessage(),
                    "pass a readable UTF-8 text file with one prompt per line", e);
        }
        List<String> prompts = lines.stream().filter(l -> !l.isBlank()).toList();
        if (prompts.isEmpty()) {
            throw new VivariumException("prompt file " + file + " (" + option + ") holds no prompts",
                    "put one prompt per line");
        }
        return prompts;
    }
}
