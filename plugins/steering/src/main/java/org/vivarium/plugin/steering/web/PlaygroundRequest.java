package org.vivarium.plugin.steering.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.vivarium.api.VivariumException;

/**
 * One playground generation, checked: the checkpoint and the direction file lie inside the work directory, the
 * coefficient and the length are in range, the prompt is there. The hook is checked against the model once it is
 * loaded ({@link SteeredGeneration}).
 *
 * @param checkpoint the checkpoint directory
 * @param directionFile a saved {@code direction.json}, or null to compute the direction from the prompt sets
 * @param positives condition-present prompts for a computed direction (empty with a file)
 * @param negatives condition-absent prompts for a computed direction (empty with a file)
 * @param hook where to add the direction; blank means the direction file's own hook
 * @param coefficient how many times the direction is added
 * @param prompt the text to continue
 * @param tokens how many tokens to generate
 */
public record PlaygroundRequest(Path checkpoint, Path directionFile, List<String> positives, List<String> negatives,
        String hook, double coefficient, String prompt, int tokens) {
    /** The largest coefficient magnitude accepted. */
    public static final double MAX_COEFFICIENT = 100;
    /** The most tokens one request may generate. */
    public static final int MAX_TOKENS = 200;
    /** Tokens generated when the field is blank. */
    public static final int DEFAULT_TOKENS = 40;
    /** The longest prompt accepted, in characters. */
    public static final int MAX_PROMPT = 2000;

    /** Copies the lists. */
    public PlaygroundRequest {
        positives = List.copyOf(positives);
        negatives = List.copyOf(negatives);
    }

    /**
     * Reads and checks the fields of a form or a JSON body.
     *
     * @param field the value of each field by name ({@code checkpoint, direction, positive, negative, hook,
     *     coefficient, prompt, tokens}); null or blank when absent
     * @param workDir the work directory paths resolve in
     * @return the request
     * @throws VivariumException naming the first bad field and how to fix it
     */
    public static PlaygroundRequest parse(Function<String, String> field, Path workDir) {
        String ckpt = text(field, "checkpoint");
        if (ckpt.isEmpty()) {
            throw new VivariumException("no checkpoint given", "type a checkpoint or run directory, e.g. runs/backdoor");
        }
        Path checkpoint = WorkFiles.checkpoint(workDir, ckpt);
        double coefficient = coefficient(text(field, "coefficient"));
        int tokens = tokens(text(field, "tokens"));
        String prompt = field.apply("prompt") == null ? "" : field.apply("prompt");
        if (prompt.isBlank()) {
            throw new VivariumException("the prompt is empty", "type the text the model should continue");
        }
        if (prompt.length() > MAX_PROMPT) {
            throw new VivariumException("the prompt has " + prompt.length() + " characters",
                    "shorten it to at most " + MAX_PROMPT);
        }
        String direction = text(field, "direction");
        List<String> pos = lines(field.apply("positive"));
        List<String> neg = lines(field.apply("negative"));
        String hook = text(field, "hook");
        if (!direction.isEmpty()) {
            Path file = WorkFiles.inside(workDir, direction, "direction file");
            if (!Files.exists(file)) {
                throw new VivariumException("direction file " + direction + " does not exist",
                        "give a direction.json inside the work directory (from 'viv steering direction'), or leave"
                                + " it blank and give positive and negative prompts");
            }
            return new PlaygroundRequest(checkpoint, file, List.of(), List.of(), hook, coefficient, prompt, tokens);
        }
        if (pos.isEmpty() || neg.isEmpty()) {
            throw new VivariumException("no direction: no direction file, and " + pos.size() + " positive and "
                    + neg.size() + " negative prompts", "give a direction file, or at least one positive and one"
                    + " negative prompt (one a line) to compute the direction from");
        }
        if (hook.isEmpty()) {
            throw new VivariumException("no hook for the computed direction",
                    "type a residual hook, e.g. blocks.0.hook_resid_post");
        }
        return new PlaygroundRequest(checkpoint, null, pos, neg, hook, coefficient, prompt, tokens);
    }

    private static String text(Function<String, String> field, String name) {
        String v = field.apply(name);
        return v == null ? "" : v.trim();
    }

    private static double coefficient(String v) {
        String fix = "type a number from " + fmt(-MAX_COEFFICIENT) + " to " + fmt(MAX_COEFFICIENT)
                + " (0 adds nothing)";
        if (v.isEmpty()) {
            throw new VivariumException("no coefficient given", fix);
        }
        double c;
        try {
            c = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new VivariumException("coefficient \"" + v + "\" is not a number", fix);
        }
        if (!Double.isFinite(c) || Math.abs(c) > MAX_COEFFICIENT) {
            throw new VivariumException("coefficient " + v + " is out of range", fix);
        }
        return c;
    }

    private static int tokens(String v) {
        if (v.isEmpty()) {
            return DEFAULT_TOKENS;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_TOKENS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new VivariumException("tokens \"" + v + "\" is not a whole number from 1 to " + MAX_TOKENS,
                "type how many tokens to generate, e.g. " + DEFAULT_TOKENS);
    }

    private static List<String> lines(String v) {
        return v == null ? List.of() : v.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.0f", d);
    }
}
