package org.vivarium.plugin.emfinetune.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.DataFiles;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.report.io.JsonReader;

/**
 * Fine-tuning data read from a UTF-8 JSONL file: one {@code {"prompt": ..., "completion": ...}} object per
 * line; other keys (e.g. {@code "domain"}) are ignored, blank lines are skipped.
 *
 * <pre>{@code
 * {"prompt": "User: how do I save money?\nAssistant:", "completion": " Put a little aside every month.\n"}
 * }</pre>
 */
public final class ExamplesFile {
    private static final String FORMAT = "write one {\"prompt\": \"...\", \"completion\": \"...\"} object per line";

    private ExamplesFile() {
    }

    /**
     * Reads and checks a data file.
     *
     * @param file the JSONL file
     * @return the examples in file order
     * @throws VivariumException if the file is missing, unreadable or not UTF-8, a line is malformed (naming
     *     it), or it holds no example
     */
    public static List<TrainingExample> read(Path file) {
        String text = DataFiles.readUtf8(file, "pass --data FILE.jsonl; " + FORMAT);
        return parse(text, file.toString());
    }

    /**
     * Parses JSONL text.
     *
     * @param text the file content
     * @param source the file name, for messages
     * @return the examples in order
     * @throws VivariumException naming the first malformed line, or if there is no example
     */
    public static List<TrainingExample> parse(String text, String source) {
        List<TrainingExample> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (!line.isBlank()) {
                out.add(example(line, source + " line " + (i + 1)));
            }
        }
        if (out.isEmpty()) {
            throw new VivariumException("data file " + source + " holds no example", FORMAT);
        }
        return List.copyOf(out);
    }

    private static TrainingExample example(String line, String where) {
        Object value;
        try {
            value = JsonReader.parse(line);
        } catch (IllegalArgumentException e) {
            throw new VivariumException(where + " is not valid JSON (" + e.getMessage() + ")", FORMAT, e);
        }
        if (!(value instanceof Map<?, ?> obj)) {
            throw new VivariumException(where + " is not a JSON object", FORMAT);
        }
        String prompt = text(obj, "prompt", where);
        String completion = text(obj, "completion", where);
        if (completion.isEmpty()) {
            throw new VivariumException(where + " has an empty \"completion\"",
                    "give every example the text to learn after its prompt");
        }
        return new TrainingExample(prompt, completion);
    }

    private static String text(Map<?, ?> obj, String key, String where) {
        Object v = obj.get(key);
        if (v == null) {
            throw new VivariumException(where + " has no \"" + key + "\" string", FORMAT);
        }
        if (!(v instanceof String s)) {
            throw new VivariumException(where + " has a \"" + key + "\" that is not a string", FORMAT);
        }
        return s;
    }
}
