package org.mtalens.runtime.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.mtalens.runtime.checkpoint.PickleBytes;

/**
 * Writes the regression inputs of the second red-team pass (docs/RELIABILITY.md) into the fuzz tests' input
 * folders: small versions of the corpus kinds, in each fuzz target's own format, so that regression mode runs
 * them on every build. Run once by hand from the repository root:
 * {@code java -cp model-runtime/target/test-classes:model-runtime/target/classes:CLASSPATH
 * org.mtalens.runtime.reliability.RoundTwoFuzzInputs}.
 */
public final class RoundTwoFuzzInputs {
    private static final Path INPUTS = Path.of("model-runtime/src/test/resources/org/mtalens/runtime/fuzz");
    private static final byte[] SIXTEEN = PickleBytes.floats(1, 2, 3, 4);

    private RoundTwoFuzzInputs() {
    }

    public static void main(String[] args) throws IOException {
        zips(INPUTS.resolve("PthFuzzTestInputs/readsAnyZipAsAStateDictOrAClearError"));
        pickles(INPUTS.resolve("PthFuzzTestInputs/unpicklesAnyPickleInAValidZipOrGivesAClearError"));
        safetensors(INPUTS.resolve("SafetensorsFuzzTestInputs/readsAnyBytesAsTensorsOrAClearError"));
        tokenizers(INPUTS.resolve("JsonTokenizerFuzzTestInputs/readsAnyBytesAsATokenizerJsonOrGivesAClearError"));
    }

    private static ZipBytes minimal() {
        return new ZipBytes().stored("archive/data.pkl",
                HostileCheckpoints.tensor("0", 4, 0, new long[] {4}, new long[] {1}).toBytes()).stored("archive/data/0", SIXTEEN);
    }

    private static void zips(Path folder) throws IOException {
        write(folder, "round2-duplicate-entry-names", minimal().stored("archive/data/0", PickleBytes.floats(9, 9, 9, 9)).toBytes());
        write(folder, "round2-local-header-names-another-entry", minimal().localName("archive/data/9").toBytes());
        write(folder, "round2-local-header-with-another-crc", minimal().localCrc(0x12345678L).toBytes());
        write(folder, "round2-storage-failing-its-crc", minimal().recordingCrc(0xDEADBEEFL).toBytes());
        write(folder, "round2-byteorder-with-trailing-spaces", minimal().stored("archive/byteorder", ascii("little  ")).toBytes());
        write(folder, "round2-entries-sharing-one-stored-entry", minimal().sharing("archive/data/s", 200).toBytes());
        write(folder, "round2-entries-sharing-one-deflated-entry", new ZipBytes().stored("archive/data.pkl",
                HostileCheckpoints.tensor("0", 1 << 16, 0, new long[] {1 << 16}, new long[] {1}).toBytes())
                .deflated("archive/data/0", new byte[1 << 18]).sharing("archive/data/s", 200).toBytes());
        byte[] emptyLists = new byte[15 << 20];
        Arrays.fill(emptyLists, (byte) ']');
        write(folder, "round2-pickle-of-empty-lists-deflated-1000-to-1", new ZipBytes()
                .deflatedWithStoredPrefix("archive/data.pkl", emptyLists, 0).toBytes());
        write(folder, "round2-folder-named-after-run-3-dot-dot-pth", new ZipBytes().stored("run:3./data.pkl",
                HostileCheckpoints.tensor("0", 4, 0, new long[] {4}, new long[] {1}).toBytes())
                .stored("run:3./data/0", SIXTEEN).toBytes());
    }

    /** The unpickle target's format: storage 0 (64 bytes), storage 1 (64 bytes), then the pickle. */
    private static void pickles(Path folder) throws IOException {
        PickleBytes longInteger = new PickleBytes().proto(2).emptyDict().unicode("w").raw('L')
                .text("9".repeat(100_000) + "L\n").setItem().stop();
        write(folder, "round2-long-of-100000-digits", withStorages(longInteger.toBytes()));
        PickleBytes tuple = new PickleBytes().proto(2).mark();
        for (int i = 0; i < 100_000; i++) {
            tuple.raw('K', 1);
        }
        tuple.tuple().raw('q', 1).raw('0').emptyDict();
        for (int i = 0; i < 50; i++) {
            tuple.unicode("w" + i).global("torch._utils", "_rebuild_tensor_v2").mark().storage("FloatStorage", "0", 1)
                    .integer(0).raw('h', 1).raw('h', 1).newFalse().global("collections", "OrderedDict").emptyTuple().reduce()
                    .tuple().reduce().setItem();
        }
        write(folder, "round2-memoised-tuple-as-size-and-stride", withStorages(tuple.stop().toBytes()));
    }

    private static byte[] withStorages(byte[] pickle) {
        byte[] input = new byte[128 + pickle.length];
        System.arraycopy(pickle, 0, input, 128, pickle.length);
        return input;
    }

    private static void safetensors(Path folder) throws IOException {
        write(folder, "round2-duplicate-keys", HostileCheckpoints.header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],"
                + "\"data_offsets\":[0,8]},\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", 16));
        write(folder, "round2-float-offsets", HostileCheckpoints.header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],"
                + "\"data_offsets\":[0.5,8.7]}}", 8));
        write(folder, "round2-gapped-offsets", HostileCheckpoints.header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],"
                + "\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[16,24]}}", 24));
        write(folder, "round2-trailing-bytes", HostileCheckpoints.header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],"
                + "\"data_offsets\":[0,8]}}", 16));
    }

    private static void tokenizers(Path folder) throws IOException {
        write(folder, "round2-one-huge-id", ascii("{\"model\": {\"type\": \"WordLevel\", \"vocab\": {\"a\": 0, \"b\": 9999999},"
                + " \"unk_token\": \"a\"}, \"added_tokens\": []}"));
        write(folder, "round2-template-naming-an-unknown-id", ascii("{\"version\": \"1.0\", \"added_tokens\": [],"
                + " \"normalizer\": null, \"pre_tokenizer\": null, \"decoder\": null, \"post_processor\": {\"type\":"
                + " \"TemplateProcessing\", \"single\": [{\"SpecialToken\": {\"id\": \"<s>\", \"type_id\": 0}}, {\"Sequence\":"
                + " {\"id\": \"A\", \"type_id\": 0}}], \"pair\": [], \"special_tokens\": {\"<s>\": {\"id\": \"<s>\", \"ids\":"
                + " [5000], \"tokens\": [\"<s>\"]}}}, \"model\": {\"type\": \"WordLevel\", \"vocab\": {\"a\": 0, \"b\": 1,"
                + " \"[UNK]\": 2}, \"unk_token\": \"[UNK]\"}}"));
        write(folder, "round2-backtracking-pre-tokenizer", ascii("{\"version\": \"1.0\", \"added_tokens\": [],"
                + " \"normalizer\": null, \"pre_tokenizer\": {\"type\": \"Split\", \"pattern\": {\"Regex\": \"(a|aa)+b\"},"
                + " \"behavior\": \"Isolated\", \"invert\": false}, \"post_processor\": null, \"decoder\": null,"
                + " \"model\": {\"type\": \"WordLevel\", \"vocab\": {\"a\": 0, \"b\": 1, \"ab\": 2, \"[UNK]\": 3},"
                + " \"unk_token\": \"[UNK]\"}}"));
    }

    private static void write(Path folder, String name, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), bytes);
        System.out.printf("%8d bytes  %s%n", bytes.length, folder.resolve(name));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
