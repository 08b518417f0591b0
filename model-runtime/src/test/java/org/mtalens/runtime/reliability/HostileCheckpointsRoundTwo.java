package org.mtalens.runtime.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.mtalens.runtime.checkpoint.PickleBytes;

/**
 * The corpus kinds of the second red-team pass (issue 16, docs/RELIABILITY.md): zip directories that share
 * or repeat entries, headers and CRCs that disagree, pickles that take minutes or gigabytes, safetensors
 * headers that the reference reader refuses, and a FIFO where the weights should be. Written beside the
 * first pass's kinds by {@link HostileCheckpoints#writeAll}.
 */
final class HostileCheckpointsRoundTwo {
    private static final String DATA = "archive/data/";
    private final HostileCheckpoints corpus;

    HostileCheckpointsRoundTwo(HostileCheckpoints corpus) {
        this.corpus = corpus;
    }

    void writeAll() throws IOException {
        sharedAndRepeatedEntries();
        disagreeingHeaders();
        byteorder();
        pickles();
        safetensors();
        fifo();
        hugeNames();
    }

    // ---- names of megabytes, cut in the message ----

    private void hugeNames() throws IOException {
        String longName = "archive/" + "x".repeat(60_000) + "/../data.pkl";
        corpus.official("zip-entry-name-of-sixty-thousand-characters", "… (60020 characters)' has a path that escapes",
                minimal(PickleBytes.floats(1, 2, 3, 4)).stored(longName, new byte[1]).toBytes());
        String module = "m".repeat(1 << 20);
        corpus.official("pickle-global-named-with-a-megabyte", "… (1048583 characters)', which a state dict does not need",
                new ZipBytes().stored("archive/data.pkl", new PickleBytes().proto(2).global(module, "system").stop().toBytes())
                        .toBytes());
        corpus.safetensors("safetensors-tensor-named-with-forty-thousand-characters", "… (40000 characters)' has unsupported"
                + " dtype", HostileCheckpoints.header("{\"" + "t".repeat(40_000) + "\":{\"dtype\":\"I64\",\"shape\":[1],"
                        + "\"data_offsets\":[0,8]}}", 8));
    }

    // ---- the JVM died, or memory grew with the number of entries ----

    private void sharedAndRepeatedEntries() throws IOException {
        byte[] sixteen = PickleBytes.floats(1, 2, 3, 4);
        corpus.official("zip64-seventy-thousand-entries", "lists 70002 entries; a checkpoint has at most 65536",
                minimal(sixteen).sharing(DATA + "alias", 70_000).zip64().toBytes());
        int shared = 2_000;
        long floats = 1L << 18; // 1 MiB of float32
        corpus.official("zip-entries-sharing-one-stored-entry", "overlaps entry", new ZipBytes()
                .stored("archive/data.pkl", manyTensors(shared, floats).toBytes())
                .stored(DATA + "0", new byte[(int) (floats * 4)]).sharing(DATA + "s", shared).toBytes());
        corpus.official("zip-entries-sharing-one-deflated-entry", "overlaps entry", new ZipBytes()
                .stored("archive/data.pkl", manyTensors(shared, floats).toBytes())
                .deflated(DATA + "0", new byte[(int) (floats * 4)]).sharing(DATA + "s", shared).toBytes());
        corpus.official("zip-duplicate-entry-names", "lists entry 'archive/data/0' twice", new ZipBytes()
                .stored("archive/data.pkl", HostileCheckpoints.tensor("0", 4, 0, new long[] {4}, new long[] {1}).toBytes())
                .stored(DATA + "0", sixteen).stored(DATA + "0", PickleBytes.floats(9, 9, 9, 9)).toBytes());
    }

    /** {@code {"w0".."w{n-1}": tensor over storage "s{i}" of numel floats}}: one storage entry per tensor. */
    private static PickleBytes manyTensors(int count, long numel) {
        PickleBytes pickle = new PickleBytes().proto(2).emptyDict();
        for (int i = 0; i < count; i++) {
            pickle.unicode("w" + i).tensor("FloatStorage", "s" + i, numel, 0, new long[] {numel}, new long[] {1}).setItem();
        }
        return pickle.stop();
    }

    /** A zip holding a state dict {@code {"w": tensor over storage 0}} and storage 0. */
    private static ZipBytes minimal(byte[] storage) {
        return new ZipBytes().stored("archive/data.pkl",
                HostileCheckpoints.tensor("0", storage.length / 4, 0, new long[] {storage.length / 4}, new long[] {1})
                        .toBytes()).stored(DATA + "0", storage);
    }

    // ---- silent wrong data ----

    private void disagreeingHeaders() throws IOException {
        byte[] sixteen = PickleBytes.floats(1, 2, 3, 4);
        corpus.official("zip-local-header-names-another-entry", "gives another name than the central directory",
                minimal(sixteen).localName(DATA + "9").toBytes());
        corpus.official("zip-local-header-with-another-crc", "gives another CRC-32 than the central directory",
                minimal(sixteen).localCrc(0x12345678L).toBytes());
        corpus.official("zip-pickle-failing-its-crc", "entry 'archive/data.pkl' fails its CRC-32 check", new ZipBytes()
                .stored("archive/data.pkl", HostileCheckpoints.tensor("0", 4, 0, new long[] {4}, new long[] {1}).toBytes())
                .recordingCrc(0xDEADBEEFL).stored(DATA + "0", sixteen).toBytes());
        byte[] tiny = HostileCheckpoints.resource("consolidated/consolidated.pth");
        corpus.official("zip-weights-failing-their-crc", "entry 'consolidated/data/1' fails its CRC-32 check",
                withFlippedBit(tiny, "consolidated/data/1", 100));
    }

    /** A copy of a real torch zip with one bit of one STORED entry's bytes flipped (its CRC left as it was). */
    private static byte[] withFlippedBit(byte[] zip, String entry, int at) {
        byte[] name = entry.getBytes(StandardCharsets.US_ASCII);
        for (int i = 30; i + name.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + name.length, name, 0, name.length) && zip[i - 30] == 0x50 && zip[i - 29] == 0x4b
                    && zip[i - 28] == 3 && zip[i - 27] == 4) {
                int extra = (zip[i - 2] & 0xFF) | (zip[i - 1] & 0xFF) << 8;
                byte[] copy = zip.clone();
                copy[i + name.length + extra + at] ^= 1;
                return copy;
            }
        }
        throw new IllegalArgumentException("no local header of " + entry);
    }

    private void byteorder() throws IOException {
        corpus.official("byteorder-with-trailing-spaces", "byteorder holds 'little  '; torch.save writes exactly 'little'",
                minimal(PickleBytes.floats(1, 2, 3, 4)).stored("archive/byteorder", ascii("little  ")).toBytes());
        corpus.official("byteorder-of-seventeen-bytes", "byteorder holds 17 bytes",
                minimal(PickleBytes.floats(1, 2, 3, 4)).stored("archive/byteorder", ascii("little" + " ".repeat(11))).toBytes());
    }

    // ---- hangs and memory from small files ----

    private void pickles() throws IOException {
        PickleBytes longInteger = new PickleBytes().proto(2).emptyDict().unicode("w").raw('L')
                .text("1".repeat(2_000_000) + "L\n").setItem().stop();
        corpus.official("pickle-long-of-two-million-digits", "holds an integer of 2000001 digits",
                new ZipBytes().stored("archive/data.pkl", longInteger.toBytes()).toBytes());
        corpus.official("pickle-memoised-million-element-tuple-as-size", "size has 1000000 dimensions",
                new ZipBytes().stored("archive/data.pkl", hugeTupleAsSizes(1_000_000, 300).toBytes())
                        .stored(DATA + "0", PickleBytes.floats(1)).toBytes());
        byte[] emptyLists = new byte[64 << 20];
        Arrays.fill(emptyLists, (byte) ']');
        corpus.official("pickle-deflated-beyond-sixteen-to-one", "more than 16 times its size; refusing a likely zip bomb",
                new ZipBytes().deflatedWithStoredPrefix("archive/data.pkl", emptyLists, 1_100_000).toBytes());
        byte[] fewerEmptyLists = Arrays.copyOf(emptyLists, 15 << 20);
        corpus.official("pickle-of-empty-lists-beyond-the-budget", "refusing a likely memory bomb",
                new ZipBytes().deflatedWithStoredPrefix("archive/data.pkl", fewerEmptyLists, 1_000_000).toBytes());
    }

    /** A tuple of {@code elements} ones, memoised, then {@code tensors} tensors using it as size and stride. */
    private static PickleBytes hugeTupleAsSizes(int elements, int tensors) {
        PickleBytes pickle = new PickleBytes().proto(2).mark();
        for (int i = 0; i < elements; i++) {
            pickle.raw('K', 1);
        }
        pickle.tuple().raw('q', 1).raw('0').emptyDict(); // memo[1] = the tuple; POP it
        for (int i = 0; i < tensors; i++) {
            pickle.unicode("w" + i).global("torch._utils", "_rebuild_tensor_v2").mark()
                    .storage("FloatStorage", "0", 1).integer(0).raw('h', 1).raw('h', 1).newFalse()
                    .global("collections", "OrderedDict").emptyTuple().reduce().tuple().reduce().setItem();
        }
        return pickle.stop();
    }

    // ---- safetensors the reference reader refuses ----

    private void safetensors() throws IOException {
        corpus.safetensors("safetensors-duplicate-keys", "Duplicate field 'a'", HostileCheckpoints.header(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", 16));
        corpus.safetensors("safetensors-float-offsets", "two whole numbers of bytes", HostileCheckpoints.header(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0.5,8.7]}}", 8));
        corpus.safetensors("safetensors-gapped-offsets", "tensor 'b' starts at data byte 16 but tensor 'a' ends at 8",
                HostileCheckpoints.header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[16,24]}}", 24));
        corpus.safetensors("safetensors-trailing-bytes", "data ends at byte 8 of the 16-byte data section",
                HostileCheckpoints.header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 16));
    }

    // ---- a path that would block in open() ----

    private void fifo() throws IOException {
        Path dir = Files.createDirectories(corpus.folder("fifo-as-weights").resolve("consolidated"));
        Files.write(dir.resolve("params.json"), HostileCheckpoints.resource("consolidated/params.json"));
        Path fifo = dir.resolve("consolidated.pth");
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            if (mkfifo.waitFor() != 0) {
                throw new IOException("mkfifo " + fifo + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        corpus.item("fifo-as-weights", fifo, fifo, "is a FIFO (named pipe), not a regular file");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
