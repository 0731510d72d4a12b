package com.scratch.sandbox.startup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds {@value #FILE} in a data directory locked for as long as a sandbox runs on it, so a second one refuses to
 * start instead of overwriting the first one's parameters. The lock is the operating system's: it goes with the
 * process, however that ends, so a lock file left behind by a killed sandbox stops nobody. The file holds the pid of
 * the sandbox holding it, for the second one's message.
 *
 * <pre>{@code
 * try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory)) { ... }
 * }</pre>
 */
public final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = "sandbox.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code directory}, which must exist.
     *
     * @throws DataDirectoryInUseException when another sandbox holds it, in another process or in this one
     * @throws DataDirectoryUnusableException when the lock file cannot be created or locked
     */
    public static DataDirectoryLock acquire(Path directory) {
        Path file = directory.resolve(FILE);
        FileChannel channel = null;
        try {
            // Not truncated on opening: the holder's pid is read from it when the lock is taken.
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // A lock is the process's: a second sandbox in the same JVM (a test) finds it here, not as null.
                channel.close();
                throw new DataDirectoryInUseException(directory, "another sandbox in this process (pid "
                        + ProcessHandle.current().pid() + ")");
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new DataDirectoryInUseException(directory, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DataDirectoryUnusableException(directory, "cannot be locked (" + file + ": " + e + ")", e);
        }
    }

    /** The pid the holder wrote, if it can be read (a lock may keep others from reading, as on Windows). */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer content = ByteBuffer.allocate(32);
            channel.read(content, 0);
            String pid = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d+") ? "another sandbox (pid " + pid + ")" : "another sandbox";
        } catch (IOException e) {
            return "another sandbox";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // already failing with the reason that matters
            }
        }
    }

    /** Releases the lock; the file stays, holding no lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
    }
}
