package org.vivarium.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.report.plot.BarPlot;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void escapesAllText() {
        String evil = "<script>alert('x')</script> & \"q\"";
        String html = HtmlReport.titled(evil).heading(evil).paragraph(evil).pre(evil)
                .table(Table.of(evil).row(evil)).imageLink("a\"b.png", evil).render();
        assertFalse(html.contains("<script>"), "no raw markup from text");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
        assertTrue(html.contains("src=\"a&quot;b.png\""));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<style>"));
    }

    @Test
    void tablesRightAlignNumericColumnsAndFormatDecimals() {
        String html = HtmlReport.titled("t").decimals(2).table(Table.of("name", "score").row("a", 0.987)).render();
        assertTrue(html.contains("<th>name</th><th class=\"num\">score</th>"), html);
        assertTrue(html.contains("<td>a</td><td class=\"num\">0.99</td>"), html);
    }

    @Test
    void embedsChartsAndImagesAsDecodablePngDataUris() throws IOException {
        BarPlot plot = BarPlot.builder().categories("a", "b").series("s", new double[] {1, 2}).size(300, 200).build();
        Path png = dir.resolve("bar.png");
        plot.write(png);
        Path page = dir.resolve("report.html");
        HtmlReport.titled("r").chart(plot, "inline chart").image(png, "from file").write(page);
        String html = Files.readString(page);
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            byte[] bytes = Base64.getDecoder().decode(m.group(1));
            assertEquals(300, ImageIO.read(new ByteArrayInputStream(bytes)).getWidth());
            images++;
        }
        assertEquals(2, images);
        assertTrue(html.contains("<figcaption>inline chart</figcaption>"));
    }

    @Test
    void missingImageAndBadHeadingLevelAreReported() {
        VivariumException e = assertThrows(VivariumException.class,
                () -> HtmlReport.titled("r").image(dir.resolve("nope.png"), ""));
        assertTrue(e.getMessage().contains("nope.png"), e.getMessage());
        assertThrows(VivariumException.class, () -> HtmlReport.titled("r").heading(1, "x"));
    }
}
