package org.mtalens.runtime.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.mtalens.runtime.checkpoint.PickleBytes;

/**
 * The hostile and broken checkpoint corpus (docs/RELIABILITY.md), generated into a folder: each item
 * is a checkpoint folder in one of the two layouts that must be refused with a message naming a file
 * and the problem. Pickles that would run code aim at {@link #marker(Path)}; it must never appear.
 * Everything is built from the small official fixtures; nothing large is written.
 */
public final class HostileCheckpoints {
    /** One corpus item. {@code problem} is a phrase the message must contain; {@code namedFile} the file it names. */
    public record Item(String kind, Path checkpoint, Path namedFile, String problem) {
        @Override
        public String toString() {
            return kind;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE = "/official-mta/tiny/";
    private static final long TWO_TO_THE_40 = 1L << 40;

    private final Path root;
    private final List<Item> items = new ArrayList<>();

    private HostileCheckpoints(Path root) {
        this.root = root;
    }

    /** The file a code-running pickle of the corpus would create. */
    public static Path marker(Path root) {
        return root.resolve("code-ran");
    }

    /** Writes every item under {@code root} (one folder per kind). */
    public static List<Item> writeAll(Path root) {
        HostileCheckpoints corpus = new HostileCheckpoints(root);
        try {
            corpus.pickles();
            corpus.torchZips();
            corpus.safetensors();
            corpus.configs();
            new HostileCheckpointsRoundTwo(corpus).writeAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(corpus.items);
    }

    // ---- pickles that run code or build objects ----

    private void pickles() throws IOException {
        String touch = "touch " + marker(root);
        pth("pickle-os-system", "'os.system'", new PickleBytes().proto(2).global("os", "system").mark().unicode(touch)
                .tuple().reduce().stop());
        pth("pickle-builtins-eval", "'builtins.eval'", new PickleBytes().proto(4).stackGlobal("builtins", "eval").mark()
                .unicode("__import__('os').system('" + touch + "')").tuple().reduce().stop());
        pth("pickle-subprocess-popen-in-state-dict", "'subprocess.Popen'", new PickleBytes().proto(2).emptyDict()
                .unicode("model").emptyDict().unicode("w").global("subprocess", "Popen").mark().mark().unicode("touch")
                .unicode(marker(root).toString()).raw('l').tuple().reduce().setItem().setItem().stop());
        pth("pickle-runpy-run-code", "'runpy._run_code'", new PickleBytes().proto(2).global("runpy", "_run_code").mark()
                .unicode("import os; os.system('" + touch + "')").emptyDict().tuple().reduce().stop());
        pth("pickle-inst-opcode", "not allowed in a state dict", new PickleBytes().proto(2).mark().unicode(touch)
                .raw('i').text("os\nsystem\n").stop());
        pth("pickle-obj-opcode", "not allowed in a state dict", new PickleBytes().proto(2).mark()
                .global("collections", "OrderedDict").raw('o').stop());
        pth("pickle-ext-opcode", "not allowed in a state dict", new PickleBytes().proto(2).raw(0x82, 1).stop());
        pth("pickle-build-on-a-list", "BUILD on ArrayList is not allowed", new PickleBytes().proto(2).raw(']')
                .emptyDict().raw('b').stop());
        PickleBytes deep = new PickleBytes().proto(2).emptyDict();
        for (int i = 0; i < 200_000; i++) {
            deep.raw(']');
        }
        for (int i = 0; i < 199_999; i++) {
            deep.raw('a');
        }
        pth("pickle-deeply-nested-key", "nested too deeply", deep.unicode("x").setItem().stop());
        pth("pickle-recursive-key", "nested too deeply", new PickleBytes().proto(2).emptyDict().raw(']', 'q', 0, 'h', 0, 'a')
                .unicode("x").setItem().stop());
        pth("pickle-appending-to-none", "not a valid state-dict pickle", new PickleBytes().proto(2).raw('N').integer(1)
                .raw('a').stop());
        pth("pickle-not-a-state-dict", "no state dict found", new PickleBytes().proto(2).raw(']').integer(7).raw('a').stop());
    }

    // ---- torch zips whose tensors or entries are wrong ----

    private void torchZips() throws IOException {
        byte[] sixteen = PickleBytes.floats(1, 2, 3, 4);
        pth("storage-key-names-a-missing-entry", "has no entry archive/data/7",
                tensor("7", 4, 0, new long[] {4}, new long[] {1}), "0", sixteen);
        pth("storage-shorter-than-numel", "declares 1024 FloatStorage elements but its entry holds only 16 bytes",
                tensor("0", 1024, 0, new long[] {1024}, new long[] {1}), "0", sixteen);
        pth("tensor-beyond-its-storage", "does not fit storage '0'",
                tensor("0", 4, 2, new long[] {4}, new long[] {1}), "0", sixteen);
        pth("negative-shape", "impossible size [-1, 4]", tensor("0", 4, 0, new long[] {-1, 4}, new long[] {4, 1}), "0", sixteen);
        pth("overflowing-shape", "impossible size", tensor("0", 4, 0, new long[] {TWO_TO_THE_40, TWO_TO_THE_40},
                new long[] {TWO_TO_THE_40, 1}), "0", sixteen);
        pth("negative-stride", "not contiguous", tensor("0", 4, 0, new long[] {2, 2}, new long[] {-2, 1}), "0", sixteen);
        pth("overflowing-stride", "not contiguous", tensor("0", 4, 0, new long[] {2, 2}, new long[] {Long.MAX_VALUE, 1}),
                "0", sixteen);
        pth("negative-storage-offset", "does not fit storage '0'", tensor("0", 4, -4, new long[] {4}, new long[] {1}),
                "0", sixteen);
        byte[] stateDict = tensor("0", 4, 0, new long[] {4}, new long[] {1}).toBytes();
        official("zip-entry-escaping-with-dot-dot", "escapes the archive", new ZipBytes()
                .stored("archive/../../outside/data.pkl", stateDict).stored("archive/data/0", sixteen).toBytes());
        byte[] lyingDeflate = new byte[1 << 20];
        official("zip-bomb-storage", "zip bomb", new ZipBytes().stored("archive/data.pkl",
                        tensor("0", 1L << 28, 0, new long[] {1L << 28}, new long[] {1}).toBytes())
                .entry("archive/data/0", ZipBytes.DEFLATED, 1L << 30, lyingDeflate).toBytes());
        official("zip-bomb-pickle", "more than a state dict's pickle can need", new ZipBytes()
                .entry("archive/data.pkl", ZipBytes.DEFLATED, 0xFFFF_FFF0L, new byte[1024]).toBytes());
        byte[] whole = resource("consolidated/consolidated.pth");
        official("truncated-zip", "truncated", Arrays.copyOf(whole, whole.length / 2));
    }

    /** A state dict {@code {"w": tensor}} over storage {@code key} (FloatStorage). */
    static PickleBytes tensor(String key, long numel, long offset, long[] shape, long[] stride) {
        return new PickleBytes().proto(2).emptyDict().unicode("w").tensor("FloatStorage", key, numel, offset, shape, stride)
                .setItem().stop();
    }

    // ---- safetensors ----

    private void safetensors() throws IOException {
        safetensors("safetensors-header-beyond-the-file", "does not fit a file of 64 bytes",
                ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).putLong(1 << 20).array());
        safetensors("safetensors-header-of-2-to-the-40", "header length 1099511627776",
                ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).putLong(TWO_TO_THE_40).array());
        safetensors("safetensors-header-not-json", "header is not JSON", header("this is not json", 0));
        safetensors("safetensors-header-nested-too-deeply", "header is not JSON",
                header("[".repeat(100_000) + "]".repeat(100_000), 0));
        safetensors("safetensors-unknown-dtype", "unsupported dtype 'I64'",
                header("{\"a\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8));
        safetensors("safetensors-overlapping-offsets", "overlapping data offsets",
                header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12));
        safetensors("safetensors-offsets-out-of-range", "outside the 8 data bytes",
                header("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8));
        safetensors("safetensors-negative-offsets", "outside the 8 data bytes",
                header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[-8,0]}}", 8));
        safetensors("safetensors-shape-disagrees-with-bytes", "needs 12 bytes but its data offsets span 8",
                header("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8));
        safetensors("safetensors-negative-shape", "is not a non-negative integer",
                header("{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8));
        safetensors("safetensors-huge-shape", "needs 4398046511104 bytes",
                header("{\"a\":{\"dtype\":\"F32\",\"shape\":[1048576,1048576],\"data_offsets\":[0,8]}}", 8));
    }

    /** A safetensors file with this header text (length prefix computed) and {@code dataBytes} zero bytes. */
    static byte[] header(String json, int dataBytes) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).array();
    }

    // ---- configs ----

    private void configs() throws IOException {
        config("config-wrong-type", "field 'dim': must be an integer", c -> c.put("dim", "64"));
        config("config-negative-size", "field 'n_layers': must be positive, got -2", c -> c.put("n_layers", -2));
        config("config-zero-heads", "field 'n_heads': must be positive, got 0", c -> c.put("n_heads", 0));
        config("config-absurd-layer-count", "field 'n_layers': 2000000000 layers is beyond the supported 1024",
                c -> c.put("n_layers", 2_000_000_000));
        config("config-absurd-max-seqlen", "field 'max_seqlen'", c -> c.put("max_seqlen", Integer.MAX_VALUE));
        config("config-vocab-beyond-integers", "field 'vocab_size'", c -> c.put("vocab_size", 1e300));
        config("config-kernel-not-a-number", "field 'query_kernel_size'",
                c -> ((ObjectNode) c.get("mta")).put("query_kernel_size", "three"));
        Path dir = folder("config-not-json");
        Files.write(dir.resolve("model.safetensors"), resource("model.safetensors"));
        item("config-not-json", dir, Files.writeString(dir.resolve("config.json"), "{\"dim\": 64,"), "not valid JSON");
        params("params-model-not-an-object", "no 'model' object", p -> p.put("model", "tiny"));
        params("params-pad-key-not-text", "field 'pad_key': must be a string",
                p -> ((ObjectNode) p.get("model").get("mta")).put("pad_key", 3));
    }

    private void config(String kind, String problem, Consumer<ObjectNode> change) throws IOException {
        Path dir = folder(kind);
        Files.write(dir.resolve("model.safetensors"), resource("model.safetensors"));
        ObjectNode config = (ObjectNode) JSON.readTree(resource("config.json"));
        change.accept(config);
        item(kind, dir, Files.write(dir.resolve("config.json"), JSON.writeValueAsBytes(config)), problem);
    }

    private void params(String kind, String problem, Consumer<ObjectNode> change) throws IOException {
        Path dir = Files.createDirectories(folder(kind).resolve("consolidated"));
        Files.write(dir.resolve("consolidated.pth"), resource("consolidated/consolidated.pth"));
        ObjectNode params = (ObjectNode) JSON.readTree(resource("consolidated/params.json"));
        change.accept(params);
        item(kind, dir.getParent(), Files.write(dir.resolve("params.json"), JSON.writeValueAsBytes(params)), problem);
    }

    // ---- writing ----

    private void pth(String kind, String problem, PickleBytes pickle) throws IOException {
        official(kind, problem, new ZipBytes().stored("archive/data.pkl", pickle.toBytes()).toBytes());
    }

    private void pth(String kind, String problem, PickleBytes pickle, String storageKey, byte[] storage) throws IOException {
        official(kind, problem, new ZipBytes().stored("archive/data.pkl", pickle.toBytes())
                .stored("archive/data/" + storageKey, storage).toBytes());
    }

    /** An official-layout folder: {@code consolidated/consolidated.pth} (these bytes) and the fixture's params.json. */
    void official(String kind, String problem, byte[] pth) throws IOException {
        Path dir = Files.createDirectories(folder(kind).resolve("consolidated"));
        Files.write(dir.resolve("params.json"), resource("consolidated/params.json"));
        item(kind, dir.getParent(), Files.write(dir.resolve("consolidated.pth"), pth), problem);
    }

    /** A safetensors-layout folder: {@code model.safetensors} (these bytes) and the fixture's config.json. */
    void safetensors(String kind, String problem, byte[] weights) throws IOException {
        Path dir = folder(kind);
        Files.write(dir.resolve("config.json"), resource("config.json"));
        item(kind, dir, Files.write(dir.resolve("model.safetensors"), weights), problem);
    }

    Path folder(String kind) throws IOException {
        return Files.createDirectories(root.resolve(kind));
    }

    void item(String kind, Path checkpoint, Path namedFile, String problem) {
        items.add(new Item(kind, checkpoint, namedFile, problem));
    }

    /** A fixture file, read from the class path (works from a folder or a test jar). */
    static byte[] resource(String name) throws IOException {
        try (InputStream in = HostileCheckpoints.class.getResourceAsStream(FIXTURE + name)) {
            if (in == null) {
                throw new IOException("fixture " + FIXTURE + name + " is not on the test class path");
            }
            return in.readAllBytes();
        }
    }
}
