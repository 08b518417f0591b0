package org.mtalens.runtime.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;

/**
 * Reads the state dict of a PyTorch zip checkpoint ({@code torch.save}, e.g. the official
 * {@code consolidated.pth}): {@code FOLDER/data.pkl} unpickled safely by {@link SafeStateDictUnpickler}
 * (FOLDER as {@link TorchArchiveFolder} derives it), storages {@code FOLDER/data/KEY} memory-mapped and
 * sliced into {@link Tensor}s without copying. Accepts {@code {"model": state_dict}} or a bare state dict.
 */
public final class PthReader {
    /** A state-dict pickle holds names and small tuples: 65,536 tensors need about 10 MB. */
    static final long MAX_PICKLE_BYTES = 64L << 20;
    /** A state-dict pickle deflates by about 3:1; a declared ratio beyond this (and a small floor) is a bomb. */
    static final long MAX_PICKLE_DEFLATE_RATIO = 16;
    private static final long PICKLE_DEFLATE_FLOOR = 1L << 20;
    private static final Pattern STORAGE_KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private PthReader() {
    }

    /** @return every tensor of the state dict, by key, in pickle order; every entry used passed its CRC check */
    public static Map<String, Tensor> read(Path file) {
        WeightsFile weights = open(file);
        weights.checksums().finish();
        return weights.tensors();
    }

    /** @return the tensors, with the CRC checks of their STORED entries still to do while they are read */
    static WeightsFile open(Path file) {
        try (ZipArchive zip = ZipArchive.open(file)) {
            String folder = TorchArchiveFolder.of(file, zip.entries().keySet());
            requireLittleEndian(zip, folder);
            Object root = unpickle(zip, folder);
            Map<?, ?> stateDict = stateDict(file, root);
            StorageChecksums checksums = StorageChecksums.of(file);
            return new WeightsFile(tensors(zip, folder, stateDict, checksums), checksums);
        }
    }

    /** {@code torch.save} writes {@code sys.byteorder}: exactly "little" or "big"; anything else is refused. */
    private static void requireLittleEndian(ZipArchive zip, String folder) {
        ZipDirectory.Entry order = zip.entries().get(folder + "byteorder");
        if (order == null) {
            return; // written since PyTorch 1.12 (or so); older files are little-endian
        }
        String value = order.size() > 16 ? null : StandardCharsets.ISO_8859_1.decode(zip.readSmall(order)).toString();
        if ("big".equals(value)) {
            throw new InvalidInputException(zip.file() + ": storages are big-endian (" + folder + "byteorder);"
                    + " only little-endian is read");
        }
        if (!"little".equals(value)) {
            throw new InvalidInputException(zip.file() + ": entry " + ShownName.of(folder) + "byteorder holds "
                    + (value == null ? order.size() + " bytes" : "'" + ShownName.of(value) + "'")
                    + "; torch.save writes exactly 'little' or 'big'");
        }
    }

    private static Object unpickle(ZipArchive zip, String folder) {
        ZipDirectory.Entry pkl = zip.entries().get(folder + "data.pkl");
        if (pkl == null) {
            throw new InvalidInputException(zip.file() + ": no " + ShownName.of(folder)
                    + "data.pkl in the zip; not a PyTorch checkpoint (torch.save)");
        }
        if (pkl.size() > MAX_PICKLE_BYTES) {
            throw new InvalidInputException(zip.file() + ": data.pkl declares " + pkl.size()
                    + " bytes, more than a state dict's pickle can need (" + MAX_PICKLE_BYTES + ")");
        }
        if (pkl.method() != 0 && pkl.size() > Math.max(PICKLE_DEFLATE_FLOOR, pkl.compressedSize() * MAX_PICKLE_DEFLATE_RATIO)) {
            throw new InvalidInputException(zip.file() + ": data.pkl declares " + pkl.size() + " bytes from "
                    + pkl.compressedSize() + " compressed bytes, more than " + MAX_PICKLE_DEFLATE_RATIO
                    + " times its size; refusing a likely zip bomb");
        }
        byte[] pickle = zip.readSmall(pkl).array();
        Map<String, TorchStorageRef> seen = new HashMap<>();
        String source = zip.file() + " (" + ShownName.of(folder) + "data.pkl)";
        PickleBudget budget = PickleBudget.forStoredBytes(source, pkl.compressedSize());
        return new SafeStateDictUnpickler(source, ref -> checkedStorage(zip, folder, ref, seen), budget).unpickle(pickle);
    }

    /** Checks a storage reference against its zip entry before any tensor uses it. */
    private static TorchStorageRef checkedStorage(ZipArchive zip, String prefix, TorchStorageRef ref,
                                                  Map<String, TorchStorageRef> seen) {
        if (!STORAGE_KEY.matcher(ref.key()).matches()) {
            throw new InvalidInputException(zip.file() + ": storage key '" + ShownName.of(ref.key()) + "' is not a plain name");
        }
        ZipDirectory.Entry entry = zip.entries().get(prefix + "data/" + ref.key());
        if (entry == null) {
            throw new InvalidInputException(zip.file() + ": storage '" + ref.key() + "' has no entry "
                    + ShownName.of(prefix) + "data/" + ref.key());
        }
        if (ref.numel() > entry.size() / ref.elementBytes()) {
            throw new InvalidInputException(zip.file() + ": storage '" + ref.key() + "' declares " + ref.numel() + " "
                    + ref.storageType() + " elements but its entry holds only " + entry.size() + " bytes");
        }
        TorchStorageRef earlier = seen.putIfAbsent(ref.key(), ref);
        return earlier != null ? earlier : ref;
    }

    private static Map<?, ?> stateDict(Path file, Object root) {
        if (root instanceof Map<?, ?> map && map.get("model") instanceof Map<?, ?> model) {
            return model;
        }
        if (root instanceof Map<?, ?> map && !map.isEmpty() && map.values().stream().allMatch(v -> v instanceof TorchTensorRef)) {
            return map;
        }
        String keys = root instanceof Map<?, ?> map
                ? map.keySet().stream().limit(10).map(ShownName::of).collect(Collectors.joining(", ")) : "none";
        throw new InvalidInputException(file + ": no state dict found (expected {\"model\": state_dict} or a state dict;"
                + " top-level keys: " + keys + ")");
    }

    private static Map<String, Tensor> tensors(ZipArchive zip, String folder, Map<?, ?> stateDict,
                                               StorageChecksums checksums) {
        Map<String, ByteBuffer> storageBytes = new HashMap<>();
        Map<String, MappedFile> storageOrigins = new HashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : stateDict.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                throw new InvalidInputException(zip.file() + ": state-dict key " + ShownName.of(e.getKey()) + " is not a string");
            }
            if (!(e.getValue() instanceof TorchTensorRef ref)) {
                throw new InvalidInputException(zip.file() + ": state-dict entry '" + ShownName.of(name) + "' is not a tensor");
            }
            TorchStorageRef storage = ref.storage();
            if (storage.dtype() == null) {
                throw new InvalidInputException(zip.file() + ": tensor '" + ShownName.of(name) + "' is stored as "
                        + storage.storageType() + "; only FloatStorage, HalfStorage and BFloat16Storage weights are read");
            }
            ZipDirectory.Entry entry = zip.entries().get(folder + "data/" + storage.key());
            ByteBuffer bytes = storageBytes.computeIfAbsent(storage.key(), key -> zip.storage(entry));
            MappedFile origin = !bytes.isDirect() ? null : storageOrigins.computeIfAbsent(storage.key(), key -> {
                MappedFile start = zip.mappedFile(entry);
                checksums.add(entry, start);
                return start;
            });
            tensors.put(name, slice(name, ref, bytes, origin));
        }
        return tensors;
    }

    private static Tensor slice(String name, TorchTensorRef ref, ByteBuffer storage, MappedFile origin) {
        int elementBytes = ref.storage().elementBytes();
        long start = ref.offset() * elementBytes;
        long length = Tensor.elementCount(ref.shape()) * elementBytes;
        ByteBuffer view = storage.duplicate().position((int) start).limit((int) (start + length)).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        MappedFile at = origin == null ? null : origin.at(origin.offset() + start); // where this slice lies in the file
        return new Tensor(name, ref.shape(), ref.storage().dtype(), view, at);
    }
}
