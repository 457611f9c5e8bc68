package org.vivarium.plugin.sae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerThreadsTest {
    @Test
    void theDefaultKeepsWorkersTimesNativeThreadsWithinTheCores() {
        assertEquals(1, WorkerThreads.byDefault(2, 2), "2 native threads on 2 cores: one worker");
        assertEquals(2, WorkerThreads.byDefault(1, 2), "1 native thread on 2 cores: two workers");
        assertEquals(1, WorkerThreads.byDefault(1, 1));
        assertEquals(1, WorkerThreads.byDefault(4, 2), "never below one");
        assertEquals(2, WorkerThreads.byDefault(1, 16), "never above two");
        assertEquals(2, WorkerThreads.byDefault(4, 8));
    }

    @Test
    void notesOnlyWhenWorkersAndNativeThreadsOutnumberTheCores() {
        String note = WorkerThreads.note(2, 2, 2).orElseThrow();
        assertTrue(note.startsWith("note: 2 worker threads and 2 native BLAS threads share 2 core(s);"), note);
        assertTrue(note.contains("--threads 1") && note.contains("OMP_NUM_THREADS=1"), note);
        assertEquals(Optional.empty(), WorkerThreads.note(2, 1, 2), "one native thread per worker fits");
        assertEquals(Optional.empty(), WorkerThreads.note(1, 2, 2), "one worker leaves the cores to the BLAS");
        assertEquals(Optional.empty(), WorkerThreads.note(2, 2, 4), "enough cores for both");
        assertTrue(WorkerThreads.note(4, 2, 4).isPresent());
    }
}
