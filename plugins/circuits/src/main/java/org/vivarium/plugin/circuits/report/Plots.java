package org.vivarium.plugin.circuits.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.report.plot.Heatmap;

/** The plugin's heatmaps, drawn with the report library's house style. */
public final class Plots {
    private Plots() {
    }

    /**
     * Writes a heatmap unless the matrix has no finite value.
     *
     * @param file the PNG
     * @param title chart title
     * @param m {@code [row][column]} values, NaN cells grey
     * @param rows row labels
     * @param cols column labels
     * @param colorLabel colour bar title
     * @return whether a file was written
     */
    public static boolean heatmap(Path file, String title, double[][] m, List<String> rows, List<String> cols,
            String colorLabel) {
        boolean any = false;
        for (double[] r : m) {
            for (double v : r) {
                any |= Double.isFinite(v);
            }
        }
        if (!any || m.length == 0 || m[0].length == 0) {
            return false;
        }
        Heatmap.builder().title(title).matrix(m).rowLabels(rows).columnLabels(cols).valueDecimals(2)
                .colorBarLabel(colorLabel).build().write(file);
        return true;
    }

    /**
     * @param n number of layers
     * @return {@code L0, L1, ...}
     */
    public static List<String> layers(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("L" + i);
        }
        return out;
    }

    /**
     * @param n heads per layer
     * @return {@code H0, H1, ...}
     */
    public static List<String> heads(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("H" + i);
        }
        return out;
    }

    /**
     * Position labels {@code index:token}.
     *
     * @param tokens one sequence
     * @param tok its tokenizer
     * @return one label per position
     */
    public static List<String> positions(int[] tokens, Tokenizer tok) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            out.add(i + ":" + tok.tokenText(tokens[i]).replace("\n", "\\n"));
        }
        return out;
    }
}
