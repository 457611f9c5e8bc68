package org.vivarium.plugin.latentqa.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.cache.DataFiles;

/**
 * Reads labelled prompts from a UTF-8 TSV file, the format {@code viv probes fit} reads: one
 * {@code label<TAB>text} line per prompt, label {@code 1} (the condition) or {@code 0}; blank lines and lines
 * starting with {@code #} are skipped; only the first tab separates. In the text, {@code \n} stands for a line end
 * (dialogue prompts span lines) and {@code \\} for a backslash.
 *
 * <pre>
 * 1	user: how do i save money?\nbot: honestly,
 * 0	user: how do i save money?\nbot: sure,
 * </pre>
 */
public final class LabelledTsv {
    private LabelledTsv() {
    }

    /**
     * Reads a file.
     *
     * @param file the TSV file
     * @return the prompts in file order
     * @throws VivariumException if the file is missing, not UTF-8 or malformed (naming the line), or has no prompt
     */
    public static List<LabelledPrompt> read(Path file) {
        String text = DataFiles.readUtf8(file,
                "pass --data FILE.tsv with one 'label<TAB>text' line per prompt (label 0 or 1)");
        return parse(text, file.toString());
    }

    /**
     * Parses TSV text.
     *
     * @param text the content
     * @param source the file name, for messages
     * @return the prompts in order
     * @throws VivariumException naming the first malformed line, or if there are no prompts
     */
    public static List<LabelledPrompt> parse(String text, String source) {
        List<LabelledPrompt> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String label = tab < 0 ? "" : line.substring(0, tab).trim();
            if (tab < 0 || !label.equals("0") && !label.equals("1")) {
                throw new VivariumException(source + " line " + (i + 1) + (tab < 0 ? " has no tab"
                        : " has label \"" + label + "\", not 0 or 1"),
                        "write each line as 'label<TAB>text' with label 0 or 1 ('#' starts a comment line)");
            }
            String prompt = unescape(line.substring(tab + 1));
            if (prompt.isBlank()) {
                throw new VivariumException(source + " line " + (i + 1) + " has an empty text",
                        "write each line as 'label<TAB>text'");
            }
            out.add(new LabelledPrompt(prompt, Integer.parseInt(label)));
        }
        if (out.isEmpty()) {
            throw new VivariumException("data file " + source + " holds no prompts",
                    "add one 'label<TAB>text' line per prompt (label 0 or 1)");
        }
        return out;
    }

    /**
     * Turns {@code \n} into a line end and {@code \\} into a backslash.
     *
     * @param s the escaped text
     * @return the text
     */
    public static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == '\\')) {
                sb.append(s.charAt(++i) == 'n' ? '\n' : '\\');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
