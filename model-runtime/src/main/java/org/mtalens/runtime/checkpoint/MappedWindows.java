package org.mtalens.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * Read-only memory maps of one file with few mappings, however many tensors or zip entries it holds:
 * window {@code k} maps the bytes {@code [k * STEP, k * STEP + 2 * STEP)}, so any range of at most
 * {@code STEP} bytes lies whole in the window of its first byte, and a longer range (a tensor over
 * 512 MiB) gets a mapping of its own. A file then needs at most about {@code 3 * size / STEP + 1}
 * mappings; one mapping per entry let a file listing tens of thousands of entries exhaust the process's
 * mappings (the JVM died with "insufficient memory"). Mapping costs address space, not memory.
 */
final class MappedWindows {
    /** Where windows start, and the longest range a shared window serves. */
    static final long STEP = 512L << 20;

    private final FileChannel channel;
    private final long fileSize;
    private final Map<Long, ByteBuffer> windows = new HashMap<>();

    MappedWindows(FileChannel channel, long fileSize) {
        this.channel = channel;
        this.fileSize = fileSize;
    }

    /**
     * @param start  first byte, inside the file
     * @param length bytes, at most {@link Integer#MAX_VALUE}, ending inside the file (callers check both)
     * @return a little-endian view of exactly those bytes
     */
    ByteBuffer slice(long start, long length) throws IOException {
        if (start < 0 || length < 0 || length > Integer.MAX_VALUE || start > fileSize - length) {
            throw new IllegalArgumentException("range [" + start + ", +" + length + ") outside a " + fileSize + "-byte file");
        }
        if (length > STEP) {
            return channel.map(FileChannel.MapMode.READ_ONLY, start, length).order(ByteOrder.LITTLE_ENDIAN);
        }
        long index = start / STEP;
        ByteBuffer window = windows.get(index);
        if (window == null) {
            long windowStart = index * STEP;
            window = channel.map(FileChannel.MapMode.READ_ONLY, windowStart, Math.min(fileSize - windowStart, 2 * STEP));
            windows.put(index, window);
        }
        int at = (int) (start - index * STEP);
        return window.duplicate().position(at).limit(at + (int) length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return how many mappings were made (for tests and figures) */
    int windowCount() {
        return windows.size();
    }
}
