package org.vivarium.api.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;

/**
 * The prompt-file format of {@code viv cache} and every tool that must read the same prompts back: UTF-8
 * text, one prompt per line, blank lines and lines starting with {@code #} skipped. Inside a line,
 * {@code \n} stands for a line break and {@code \\} for a backslash, so multi-line prompts (dialogues) fit
 * on one line; any other backslash is kept as it is.
 */
public final class PromptFile {
    private PromptFile() {
    }

    /**
     * Reads a prompt file.
     *
     * @param file the file
     * @return the prompts, unescaped, in file order
     * @throws VivariumException if the file is missing, unreadable or has no prompts
     */
    public static List<String> read(Path file) {
        return read(file, "--prompts");
    }

    /**
     * Reads a prompt file named by a command-line option.
     *
     * @param file the file
     * @param option the option that named it, e.g. {@code --pos}, for messages
     * @return the prompts, unescaped, in file order
     * @throws VivariumException if the file is missing, unreadable or has no prompts
     */
    public static List<String> read(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new VivariumException("prompt file " + file + " (" + option + ") does not exist",
                    "pass a UTF-8 text file with one prompt per line via " + option);
        }
        List<String> out = new ArrayList<>();
        for (String line : decode(file, option).lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(unescape(line));
            }
        }
        if (out.isEmpty()) {
            throw new VivariumException("prompt file " + file + " (" + option + ") has no prompts",
                    "write one prompt per line (lines starting with # are comments; \\n is a line break)");
        }
        return List.copyOf(out);
    }

    /**
     * Reads the whole file as strict UTF-8.
     *
     * @throws VivariumException naming the file and the line of the first byte that is not UTF-8
     */
    private static String decode(Path file, String option) {
        ByteBuffer in;
        try {
            in = ByteBuffer.wrap(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new VivariumException("cannot read prompt file " + file + ": " + e.getMessage(),
                    "check the file is readable UTF-8 text", e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer text = CharBuffer.allocate(in.remaining() + 1);
        CoderResult result = decoder.decode(in, text, true);
        if (!result.isError()) {
            result = decoder.flush(text);
        }
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (in.get(i) == '\n') {
                    line++;
                }
            }
            throw new VivariumException(String.format("prompt file %s (%s) is not UTF-8 text: line %d has the invalid"
                    + " byte 0x%02X", file, option, line, in.get(bad) & 0xFF), "save the file as UTF-8, e.g. 'iconv -f"
                    + " latin1 -t utf-8 " + file.getFileName() + " > prompts-utf8.txt', and pass that file");
        }
        return text.flip().toString();
    }

    /**
     * Writes one line of a prompt file.
     *
     * @param prompt a prompt, possibly with line breaks
     * @return the prompt with backslashes and line breaks escaped
     */
    public static String escape(String prompt) {
        return prompt.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /**
     * Reads one line of a prompt file.
     *
     * @param line the line
     * @return the prompt with {@code \n} and {@code \\} unescaped
     */
    public static String unescape(String line) {
        if (line.indexOf('\\') < 0) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == 'n' || line.charAt(i + 1) == '\\')) {
                sb.append(line.charAt(i + 1) == 'n' ? '\n' : '\\');
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
