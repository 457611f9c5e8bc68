package org.vivarium.plugin.circuits.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vivarium.plugin.circuits.acdc.AcdcResult;
import org.vivarium.plugin.circuits.acdc.Edge;
import org.vivarium.plugin.circuits.acdc.Node;
import org.vivarium.plugin.circuits.acdc.Port;

/**
 * Draws an ACDC circuit as a layered SVG: the embeddings at the bottom, one row per layer's heads (and MLP), the
 * logits on top; every node of the model is shown, those outside the circuit in grey. A kept edge is a curve from
 * its sender to the receiver's q, k or v input (coloured by input, thicker for a larger score change).
 *
 * <p>Written as plain SVG text: the report library draws charts (JFreeChart) and has no graph layout or SVG
 * output, and a layered drawing of a few dozen boxes and curves needs neither.
 */
public final class CircuitSvg {
    private static final int BOX_W = 64;
    private static final int BOX_H = 26;
    private static final int GAP_X = 34;
    private static final int ROW_H = 96;
    private static final int MARGIN = 40;
    private static final int TOP = 90;
    private static final Map<Port, String> COLOURS = Map.of(Port.Q, "#1f77b4", Port.K, "#ff7f0e", Port.V, "#2ca02c",
            Port.IN, "#555555");

    private CircuitSvg() {
    }

    /**
     * Renders the circuit.
     *
     * @param r the ACDC result
     * @param title the first line of the heading
     * @param subtitle the second line
     * @return the SVG document
     */
    public static String render(AcdcResult r, String title, String subtitle) {
        List<Node> nodes = r.graph().nodes();
        int layers = r.graph().layers();
        int heads = (int) nodes.stream().filter(n -> n.kind() == Node.Kind.HEAD && n.layer() == 0).count();
        boolean mlps = nodes.stream().anyMatch(n -> n.kind() == Node.Kind.MLP);
        int rows = 2 + layers * (mlps ? 2 : 1);
        int width = Math.max(2 * MARGIN + heads * BOX_W + (heads - 1) * GAP_X, 680);
        int height = TOP + rows * ROW_H + 30;
        Map<Node, int[]> at = new HashMap<>();
        for (Node n : nodes) {
            int row = switch (n.kind()) {
                case OUTPUT -> 0;
                case INPUT -> rows - 1;
                case HEAD -> rows - 2 - n.layer() * (mlps ? 2 : 1);
                case MLP -> rows - 3 - n.layer() * 2;
            };
            int x = n.kind() == Node.Kind.HEAD
                    ? (width - (heads * BOX_W + (heads - 1) * GAP_X)) / 2 + n.head() * (BOX_W + GAP_X)
                    : (width - BOX_W) / 2;
            at.put(n, new int[] {x, TOP + row * ROW_H});
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\">%n", width, height, width,
                height));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        s.append(text(MARGIN / 2, 24, 15, "bold", title));
        s.append(text(MARGIN / 2, 44, 11, "normal", subtitle));
        legend(s);
        double max = r.decisions().stream().filter(d -> d.kept()).mapToDouble(d -> d.change()).max().orElse(1);
        Map<Edge, Double> change = new HashMap<>();
        r.decisions().forEach(d -> change.put(d.edge(), d.change()));
        for (Edge x : r.kept()) {
            int[] a = at.get(x.sender());
            int[] b = at.get(x.receiver());
            double sx = a[0] + BOX_W / 2.0;
            double sy = a[1];
            double rx = b[0] + BOX_W / 2.0 + switch (x.port()) {
                case Q -> -BOX_W / 3.0;
                case V -> BOX_W / 3.0;
                default -> 0;
            };
            double ry = b[1] + BOX_H;
            double wgt = 1 + 4 * Math.min(1, Math.max(0, change.getOrDefault(x, 0.0) / (max > 0 ? max : 1)));
            s.append(String.format(Locale.ROOT, "<path d=\"M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f\""
                    + " fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\" stroke-opacity=\"0.85\"><title>%s (score"
                    + " change %.4f)</title></path>%n", sx, sy, sx, (sy + ry) / 2, rx, (sy + ry) / 2, rx, ry,
                    COLOURS.get(x.port()), wgt, escape(x.id()), change.getOrDefault(x, Double.NaN)));
        }
        Set<Node> in = r.nodes();
        for (Node n : nodes) {
            int[] p = at.get(n);
            boolean on = in.contains(n);
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"5\""
                    + " fill=\"%s\" stroke=\"%s\"/>%n", p[0], p[1], BOX_W, BOX_H, on ? "#fde9c9" : "#f4f4f4",
                    on ? "#333333" : "#bbbbbb"));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\""
                    + " fill=\"%s\">%s</text>%n", p[0] + BOX_W / 2, p[1] + 17, on ? "#000000" : "#999999", n.id()));
        }
        return s.append("</svg>\n").toString();
    }

    /** One row under the heading: a short line per input colour. */
    private static void legend(StringBuilder s) {
        int x = MARGIN / 2;
        for (Port p : Port.values()) {
            String label = p == Port.IN ? "edge to an MLP / the logits" : "edge to " + p.id();
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"62\" x2=\"%d\" y2=\"62\" stroke=\"%s\""
                    + " stroke-width=\"3\"/>%n", x, x + 18, COLOURS.get(p)));
            s.append(text(x + 22, 66, 11, "normal", label));
            x += p == Port.IN ? 0 : 100;
        }
    }

    private static String text(int x, int y, int size, String weight, String t) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\">%s</text>%n",
                x, y, size, weight, escape(t));
    }

    static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
