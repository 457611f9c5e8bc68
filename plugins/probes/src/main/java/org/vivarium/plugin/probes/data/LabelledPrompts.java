package org.vivarium.plugin.probes.data;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.DataFiles;

/**
 * A labelled prompt set read from a UTF-8 TSV file: one {@code label<TAB>text} line per prompt, label
 * {@code 0} or {@code 1}; blank lines and lines starting with {@code #} are skipped. Only the first tab
 * separates, so the text may contain further tabs.
 *
 * <pre>{@code
 * # label<TAB>text
 * 1	The committee approved the plan
 * 0	The committee rejected the plan
 * }</pre>
 *
 * @param source the file it was read from
 * @param sha256 hash of the file's bytes, {@code sha256:HEX}
 * @param prompts the prompts in file order
 */
public record LabelledPrompts(Path source, String sha256, List<LabelledPrompt> prompts) {

    /** Copies the list. */
    public LabelledPrompts {
        prompts = List.copyOf(prompts);
    }

    /**
     * Reads and validates a data file.
     *
     * @param file the TSV file
     * @return the prompts
     * @throws VivariumException if the file is missing, unreadable, not UTF-8, malformed (naming the line)
     *     or holds no prompt
     */
    public static LabelledPrompts read(Path file) {
        byte[] bytes = DataFiles.readBytes(file,
                "pass --data FILE.tsv with one 'label<TAB>text' line per prompt (label 0 or 1)");
        return new LabelledPrompts(file, sha256(bytes), parse(DataFiles.decodeUtf8(bytes, file), file.toString()));
    }

    /**
     * Parses TSV text.
     *
     * @param text the file content
     * @param source the file name, for messages
     * @return the prompts in order
     * @throws VivariumException naming the first malformed line, or if there are no prompts
     */
    public static List<LabelledPrompt> parse(String text, String source) {
        List<LabelledPrompt> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw malformed(source, number, "has no tab between label and text");
            }
            String label = line.substring(0, tab).trim();
            if (!label.equals("0") && !label.equals("1")) {
                throw malformed(source, number, "has label \"" + label + "\", not 0 or 1");
            }
            String prompt = line.substring(tab + 1);
            if (prompt.isBlank()) {
                throw malformed(source, number, "has an empty text");
            }
            out.add(new LabelledPrompt(number, Integer.parseInt(label), prompt));
        }
        if (out.isEmpty()) {
            throw new VivariumException("data file " + source + " holds no prompts",
                    "add one 'label<TAB>text' line per prompt (label 0 or 1)");
        }
        return out;
    }

    /** @return the labels in file order */
    public int[] labels() {
        return prompts.stream().mapToInt(LabelledPrompt::label).toArray();
    }

    private static VivariumException malformed(String source, int line, String what) {
        return new VivariumException(source + " line " + line + " " + what,
                "write each line as 'label<TAB>text' with label 0 or 1 ('#' starts a comment line)");
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
