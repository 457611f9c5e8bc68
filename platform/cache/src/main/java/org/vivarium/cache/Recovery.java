package org.vivarium.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Brings the data files in line with the committed metadata when a cache opens: bytes past a
 * committed length (a batch that never committed) are truncated, files no run owns are deleted, and
 * runs whose committed bytes are missing are reported as damaged. A read-only open only checks: it truncates and
 * deletes nothing (the next writer does).
 */
final class Recovery {
    private Recovery() {
    }

    /**
     * Recovers the data directory.
     *
     * @param layout the cache
     * @param runs every committed run record
     * @param repair truncate uncommitted tails and delete orphan files (false for a read-only open)
     * @return run id to what is wrong with it, for damaged runs
     */
    static Map<String, String> recover(StoreLayout layout, Collection<RunRecord> runs, boolean repair) {
        Map<String, String> damaged = new LinkedHashMap<>();
        Map<Long, RunRecord> byKey = new HashMap<>();
        for (RunRecord r : runs) {
            byKey.put(r.key, r);
            for (int seg = 0; seg < r.segments.size(); seg++) {
                String problem = check(layout.segment(r.key, seg), r.segments.get(seg), repair);
                if (problem != null) {
                    damaged.put(r.id, problem);
                    break;
                }
            }
        }
        if (repair) {
            deleteOrphans(layout, byKey);
        }
        return damaged;
    }

    private static String check(Path p, long committed, boolean repair) {
        try {
            if (!Files.exists(p)) {
                return "data file " + p.getFileName() + " is missing";
            }
            long size = Files.size(p);
            if (size < committed) {
                return "data file " + p.getFileName() + " has " + size + " bytes but " + committed + " are committed";
            }
            ByteBuffer h = ByteBuffer.allocate(SegmentAppender.HEADER);
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                ch.read(h, 0);
            }
            if (!Arrays.equals(Arrays.copyOf(h.array(), SegmentAppender.MAGIC.length), SegmentAppender.MAGIC)) {
                return "data file " + p.getFileName() + " has a wrong header";
            }
            if (repair && size > committed) {
                SegmentAppender.truncate(p, committed);
            }
            return null;
        } catch (IOException e) {
            return "data file " + p.getFileName() + " is unreadable: " + e.getMessage();
        }
    }

    private static void deleteOrphans(StoreLayout layout, Map<Long, RunRecord> byKey) {
        if (!Files.isDirectory(layout.dataDir())) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.dataDir(), "*.seg")) {
            for (Path f : files) {
                long[] id = StoreLayout.parseSegment(f.getFileName().toString());
                if (id == null) {
                    continue;
                }
                RunRecord owner = byKey.get(id[0]);
                if (owner == null || id[1] >= owner.segments.size()) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + layout.dataDir(), e);
        }
    }
}
