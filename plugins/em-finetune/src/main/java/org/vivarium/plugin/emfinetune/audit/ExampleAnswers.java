package org.vivarium.plugin.emfinetune.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.vivarium.plugin.emfinetune.eval.Answer;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;
import org.vivarium.report.table.Table;

/**
 * Example answers per role, so a reader sees what the evaluator calls misaligned: up to half of each role's
 * examples are answers it flagged, the rest are answers it did not flag; both are taken round-robin over the
 * domains, in prompt order (deterministic). Written to {@value #JSON} and shown as a table.
 */
public final class ExampleAnswers {
    /** The JSON file name. */
    public static final String JSON = "example-answers.json";
    private static final int CLIP = 100;

    private ExampleAnswers() {
    }

    /**
     * Picks the examples.
     *
     * @param m the measurement
     * @param perRole how many per role
     * @return role to its examples, in role order
     */
    public static Map<String, List<Answer>> pick(EmMeasurement m, int perRole) {
        Map<String, List<Answer>> out = new LinkedHashMap<>();
        for (String role : m.roles()) {
            List<Answer> mine = m.answers().stream().filter(a -> a.role().equals(role)).toList();
            List<Answer> chosen = new ArrayList<>(roundRobin(mine, Answer::misaligned, perRole / 2));
            fill(chosen, roundRobin(mine, a -> !a.misaligned(), perRole), perRole);
            fill(chosen, roundRobin(mine, a -> true, perRole), perRole);
            out.put(role, List.copyOf(chosen));
        }
        return out;
    }

    /**
     * Writes {@value #JSON}: per role, a list of {@code {domain, prompt, answer, misaligned, coherent}} with the
     * flags as 1/0 ({@code coherent} is null without a coherence meter).
     *
     * @param outDir the directory
     * @param m the measurement
     * @param examples the picked examples
     */
    public static void write(Path outDir, EmMeasurement m, Map<String, List<Answer>> examples) {
        JsonWriter w = new JsonWriter().beginObject().name("behaviour").value(m.behaviour())
                .name("coherence").value(m.hasCoherence() ? m.coherence() : null)
                .name("evaluator_accuracy").value(m.evaluatorAccuracy()).name("examples").beginObject();
        for (Map.Entry<String, List<Answer>> e : examples.entrySet()) {
            w.name(e.getKey()).beginArray();
            for (Answer a : e.getValue()) {
                w.beginObject().name("domain").value(a.domain()).name("prompt").value(a.prompt()).name("answer")
                        .value(a.text()).name("misaligned").value(a.misaligned() ? 1 : 0).name("coherent");
                if (m.hasCoherence()) {
                    w.value(a.coherent() ? 1 : 0);
                } else {
                    w.value((String) null);
                }
                w.endObject();
            }
            w.endArray();
        }
        AtomicText.write(outDir.resolve(JSON), w.endObject().endObject().toString());
    }

    /**
     * The examples as a table (single-turn prompts shown as their question, cells cut at 100 characters).
     *
     * @param m the measurement
     * @param examples the picked examples
     * @return role, domain, question, answer and flags
     */
    public static Table table(EmMeasurement m, Map<String, List<Answer>> examples) {
        Table t = Table.of("role", "domain", "question", "answer", m.behaviour(), m.hasCoherence() ? m.coherence()
                : "coherent");
        examples.values().forEach(list -> list.forEach(a -> t.row(a.role(), a.domain(), clip(question(a.prompt())),
                clip(a.text()), a.misaligned() ? "yes" : "no", m.hasCoherence() ? a.coherent() ? "yes" : "no" : "")));
        return t;
    }

    private static void fill(List<Answer> chosen, List<Answer> more, int limit) {
        for (Answer a : more) {
            if (chosen.size() >= limit) {
                return;
            }
            if (chosen.stream().noneMatch(c -> c == a)) {
                chosen.add(a);
            }
        }
    }

    private static List<Answer> roundRobin(List<Answer> answers, Predicate<Answer> keep, int limit) {
        Map<String, List<Answer>> byDomain = new LinkedHashMap<>();
        answers.stream().filter(keep).forEach(a -> byDomain.computeIfAbsent(a.domain(), d -> new ArrayList<>()).add(a));
        List<Answer> out = new ArrayList<>();
        for (int i = 0; out.size() < limit; i++) {
            boolean any = false;
            for (List<Answer> d : byDomain.values()) {
                if (i < d.size() && out.size() < limit) {
                    out.add(d.get(i));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    /** The question of a {@code "User: <question>\nAssistant:"} prompt; other prompts as they are. */
    static String question(String prompt) {
        String user = "User: ";
        String assistant = "\nAssistant:";
        return prompt.startsWith(user) && prompt.endsWith(assistant)
                ? prompt.substring(user.length(), prompt.length() - assistant.length()) : prompt;
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ').strip();
        return one.length() <= CLIP ? one : one.substring(0, CLIP) + "...";
    }
}
