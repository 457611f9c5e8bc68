package org.vivarium.plugin.latentqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.plugin.latentqa.LatentQaMethod;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.plugin.latentqa.TinySubject;
import org.vivarium.plugin.latentqa.decoder.DecoderSpecFile;
import org.vivarium.plugin.latentqa.eval.LabelledSplit;
import org.vivarium.plugin.latentqa.qa.Question;

/** {@code viv latent-qa train} then {@code viv latent-qa ask} on the tiny subject, and their error lines. */
class CommandsTest {
    @TempDir
    static Path tmp;
    private static Path subject;
    private static LocalMethodContext ctx;
    private static String trainOutput;

    @BeforeAll
    static void train() throws Exception {
        subject = TinySubject.trained(tmp.resolve("subject"), 5);
        StringBuilder tsv = new StringBuilder("# label<TAB>prompt\n");
        for (LabelledPrompt p : TinySubject.labelled()) {
            tsv.append(p.label()).append('\t').append(p.text().replace("\n", "\\n")).append('\n');
        }
        Files.writeString(tmp.resolve("labelled.tsv"), tsv);
        ctx = LocalMethodContext.in(tmp);
        ctx.run(new LatentQaMethod().commands().get(0), "--subject", "subject/checkpoint", "--data", "labelled.tsv",
                "--out", "decoder", "--steps", "300");
        trainOutput = ctx.output();
    }

    @Test
    void trainWritesADecoderThatReadsThePersonaOfHeldOutPrompts() {
        assertTrue(Files.exists(tmp.resolve("decoder").resolve(DecoderSpecFile.FILE)));
        assertTrue(Files.exists(tmp.resolve("decoder/loss.png")));
        Matcher m = Pattern.compile("held-out accuracy on 'which persona\\?': ([0-9.]+) \\((\\d+)/(\\d+)")
                .matcher(trainOutput);
        assertTrue(m.find(), trainOutput);
        int held = LabelledSplit.of(TinySubject.labelled(), Question.PERSONA).heldOut().size();
        assertEquals(String.valueOf(held), m.group(3));
        assertTrue(held >= 48, "enough distinct held-out prompts: " + held);
        // at least 48 held-out prompts, chance 0.5: 0.75 is 3.5 binomial standard deviations above it
        assertTrue(Double.parseDouble(m.group(1)) >= 0.75, trainOutput);
        assertTrue(ctx.progressLog().contains("fine-tuning the decoder 300/300 step"), ctx.progressLog().toString());
    }

    @Test
    void askPrintsTheDecodersAnswerForOnePrompt() throws Exception {
        LabelledPrompt harmful = TinySubject.labelled().get(1);
        String before = ctx.output();
        ctx.run(new LatentQaMethod().commands().get(1), "--decoder", "decoder", "--subject", "subject/checkpoint",
                "--prompt", harmful.text().replace("\n", "\\n"), "--question", "which persona?");
        String line = ctx.output().substring(before.length()).strip();
        assertTrue(line.startsWith("which persona? "), line);
        String answer = line.substring("which persona? ".length()).toLowerCase(Locale.ROOT);
        assertTrue(List.of("harmful", "helpful").contains(answer), "an answer of the trained set: " + line);
    }

    @Test
    void mistakesEndInOneClearLine() {
        VivariumException q = assertThrows(VivariumException.class,
                () -> ctx.run(new LatentQaMethod().commands().get(1), "--decoder", "decoder", "--subject",
                        "subject/checkpoint", "--prompt", "x",
                        "--question", "which domain?"));
        assertTrue(q.getMessage().contains("which persona?"), q.getMessage());
        VivariumException missing = assertThrows(VivariumException.class,
                () -> ctx.run(new LatentQaMethod().commands().get(0), "--subject", "subject/checkpoint", "--out",
                        "d2"));
        assertTrue(missing.getMessage().contains("--data"), missing.getMessage());
        VivariumException noSpec = assertThrows(VivariumException.class,
                () -> ctx.run(new LatentQaMethod().commands().get(1), "--decoder", "subject", "--subject",
                        "subject/checkpoint", "--prompt", "x"));
        assertTrue(noSpec.getMessage().contains(DecoderSpecFile.FILE), noSpec.getMessage());
    }
}
