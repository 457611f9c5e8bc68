package org.vivarium.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class TickFormatTest {

    private static List<String> labels(TickFormat f, double... values) {
        return DoubleStream.of(values).mapToObj(f::label).toList();
    }

    @Test
    void linearTicksShareTheDecimalsOfTheirStep() {
        assertEquals(List.of("0.0", "0.2", "0.4", "1.0"), labels(TickFormat.linear(0.2), 0, 0.2, 0.4, 1.0));
        assertEquals(List.of("-1.5", "0.0", "1.5"), labels(TickFormat.linear(0.5), -1.5, 1e-17, 1.5));
        assertEquals(List.of("0.25", "0.50"), labels(TickFormat.linear(0.25), 0.25, 0.5));
        assertEquals(List.of("0", "250", "500"), labels(TickFormat.linear(250), 0, 250, 500));
    }

    @Test
    void largeStepsGetAnSiSuffixAndTinyOnesAnExponent() {
        assertEquals(List.of("0", "2k", "10k"), labels(TickFormat.linear(2000), 0, 2000, 10_000));
        assertEquals(List.of("2.5k", "5.0k"), labels(TickFormat.linear(2500), 2500, 5000));
        assertEquals(List.of("1M", "2M"), labels(TickFormat.linear(1e6), 1e6, 2e6));
        assertEquals(List.of("0", "2e-4", "4e-4"), labels(TickFormat.linear(2e-4), 0, 2e-4, 4e-4));
    }

    @Test
    void logTicksAreLabelledOneByOne() {
        assertEquals(List.of("0.001", "0.01", "1", "3", "300", "10k", "1e-5", "2e-9"),
                labels(TickFormat.log(), 0.001, 0.01, 1, 3, 300, 10_000, 1e-5, 2e-9));
    }

    @Test
    void labelsIgnoreTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("0.5", TickFormat.linear(0.5).label(0.5));
            assertEquals("2.5k", TickFormat.linear(2500).label(2500));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
