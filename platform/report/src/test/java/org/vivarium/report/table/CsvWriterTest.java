package org.vivarium.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

    @TempDir
    Path dir;

    @Test
    void quotesOnlyWhatRfc4180Requires() {
        assertEquals("plain text", CsvWriter.quote("plain text"));
        assertEquals("\"a,b\"", CsvWriter.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvWriter.quote("two\nlines"));
        assertEquals("\"cr\rhere\"", CsvWriter.quote("cr\rhere"));
    }

    @Test
    void writesHeaderAndRowsWithCrlfAndFullPrecision() throws IOException {
        Table t = Table.of("prompt", "logit diff", "n").row("The cat, sat", 0.123456789, 3).row(null, -2.5, 10L);
        Path csv = dir.resolve("out/results.csv");
        CsvWriter.write(t, csv);
        String expected = "prompt,logit diff,n\r\n\"The cat, sat\",0.123456789,3\r\n,-2.5,10\r\n";
        assertEquals(expected, Files.readString(csv, StandardCharsets.UTF_8));
        assertEquals(expected, CsvWriter.toCsv(t));
    }
}
