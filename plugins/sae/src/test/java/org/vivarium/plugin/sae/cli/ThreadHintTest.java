package org.vivarium.plugin.sae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThreadHintTest {
    @Test
    void notesOnlyWhenWorkersAndNativeThreadsOutnumberTheCores() {
        String note = ThreadHint.of(2, 2, 2).orElseThrow();
        assertTrue(note.startsWith("note: 2 worker threads and 2 native BLAS threads share 2 core(s);"), note);
        assertTrue(note.contains("OMP_NUM_THREADS=1"), note);
        assertEquals(Optional.empty(), ThreadHint.of(2, 1, 2), "one native thread per worker fits");
        assertEquals(Optional.empty(), ThreadHint.of(1, 2, 2), "one worker leaves the cores to the BLAS");
        assertEquals(Optional.empty(), ThreadHint.of(2, 2, 4), "enough cores for both");
        assertTrue(ThreadHint.of(4, 2, 4).isPresent());
    }
}
