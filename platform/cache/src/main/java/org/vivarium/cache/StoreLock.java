package org.vivarium.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import org.vivarium.api.VivariumException;

/**
 * An OS file lock on {@code <cache>/lock} so two processes never write one cache. MapDB's own lock is
 * disabled because it stays held after a failed open (STACK-NOTES section 5). Writers wait a little for it
 * ({@link MapDbActivationCache#WRITER_LOCK_WAIT_MS}), since read-only users hold it for one request at a time.
 */
final class StoreLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, retrying while another holder has it, for up to {@code waitMillis}.
     *
     * @param layout the cache
     * @param waitMillis how long to keep trying; 0 to try once
     * @return the held lock
     * @throws VivariumException if the lock is still held elsewhere after the wait
     */
    static StoreLock acquire(StoreLayout layout, long waitMillis) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (true) {
            StoreLock l = tryAcquire(layout);
            if (l != null) {
                return l;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new VivariumException("activation cache " + layout.dir() + " is already open in another process"
                        + " or elsewhere in this one", "close the other user first, or use another cache directory");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VivariumException("interrupted while waiting for the lock of activation cache "
                        + layout.dir(), "try again");
            }
        }
    }

    private static StoreLock tryAcquire(StoreLayout layout) {
        FileChannel ch;
        try {
            ch = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + layout.lockFile(), e);
        }
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot lock " + layout.lockFile(), e);
        }
        if (l == null) {
            closeQuietly(ch);
            return null;
        }
        return new StoreLock(ch, l);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
