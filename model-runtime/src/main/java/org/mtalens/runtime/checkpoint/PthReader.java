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

/**
 * Reads the state dict of a PyTorch zip checkpoint ({@code torch.save}, e.g. the official
 * {@code consolidated.pth}): {@code ARCHIVE/data.pkl} unpickled safely by
 * {@link SafeStateDictUnpickler}, storages {@code ARCHIVE/data/KEY} memory-mapped and sliced into
 * {@link Tensor}s without copying. Accepts {@code {"model": state_dict}} or a bare state dict.
 */
public final class PthReader {
    /** A state-dict pickle holds names and small tuples; anything larger is not one. */
    static final long MAX_PICKLE_BYTES = 256L << 20;
    private static final Pattern STORAGE_KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private PthReader() {
    }

    /** @return every tensor of the state dict, by key, in pickle order */
    public static Map<String, Tensor> read(Path file) {
        try (ZipArchive zip = ZipArchive.open(file)) {
            String prefix = archivePrefix(zip);
            requireLittleEndian(zip, prefix);
            Object root = unpickle(zip, prefix);
            Map<?, ?> stateDict = stateDict(file, root);
            return tensors(zip, prefix, stateDict);
        }
    }

    /** The single top folder holding {@code data.pkl}; entry names that could escape are refused. */
    private static String archivePrefix(ZipArchive zip) {
        String prefix = null;
        for (String name : zip.entries().keySet()) {
            if (name.contains("..") || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
                throw new InvalidInputException(zip.file() + ": zip entry '" + name + "' has a path that escapes the archive");
            }
            if (name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length()) {
                if (prefix != null) {
                    throw new InvalidInputException(zip.file() + ": more than one data.pkl in the archive");
                }
                prefix = name.substring(0, name.length() - "data.pkl".length());
            }
        }
        if (prefix == null) {
            throw new InvalidInputException(zip.file() + ": no */data.pkl in the zip; not a PyTorch checkpoint (torch.save)");
        }
        return prefix;
    }

    private static void requireLittleEndian(ZipArchive zip, String prefix) {
        ZipArchive.Entry order = zip.entries().get(prefix + "byteorder");
        if (order != null && order.size() <= 16) {
            String value = StandardCharsets.US_ASCII.decode(zip.read(order)).toString().trim();
            if (!value.equals("little")) {
                throw new InvalidInputException(zip.file() + ": storages are '" + value + "'-endian; only little-endian is read");
            }
        }
    }

    private static Object unpickle(ZipArchive zip, String prefix) {
        ZipArchive.Entry pkl = zip.entries().get(prefix + "data.pkl");
        if (pkl.size() > MAX_PICKLE_BYTES) {
            throw new InvalidInputException(zip.file() + ": data.pkl declares " + pkl.size()
                    + " bytes, more than a state dict's pickle can need (" + MAX_PICKLE_BYTES + ")");
        }
        ByteBuffer buffer = zip.read(pkl);
        byte[] pickle = new byte[buffer.remaining()];
        buffer.get(pickle);
        Map<String, TorchStorageRef> seen = new HashMap<>();
        String source = zip.file() + " (" + prefix + "data.pkl)";
        return new SafeStateDictUnpickler(source, ref -> checkedStorage(zip, prefix, ref, seen)).unpickle(pickle);
    }

    /** Checks a storage reference against its zip entry before any tensor uses it. */
    private static TorchStorageRef checkedStorage(ZipArchive zip, String prefix, TorchStorageRef ref,
                                                  Map<String, TorchStorageRef> seen) {
        if (!STORAGE_KEY.matcher(ref.key()).matches()) {
            throw new InvalidInputException(zip.file() + ": storage key '" + ref.key() + "' is not a plain name");
        }
        ZipArchive.Entry entry = zip.entries().get(prefix + "data/" + ref.key());
        if (entry == null) {
            throw new InvalidInputException(zip.file() + ": storage '" + ref.key() + "' has no entry " + prefix + "data/" + ref.key());
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
                ? map.keySet().stream().limit(10).map(String::valueOf).collect(Collectors.joining(", ")) : "none";
        throw new InvalidInputException(file + ": no state dict found (expected {\"model\": state_dict} or a state dict;"
                + " top-level keys: " + keys + ")");
    }

    private static Map<String, Tensor> tensors(ZipArchive zip, String prefix, Map<?, ?> stateDict) {
        Map<String, ByteBuffer> storageBytes = new HashMap<>();
        Map<String, MappedFile> storageOrigins = new HashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : stateDict.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                throw new InvalidInputException(zip.file() + ": state-dict key " + e.getKey() + " is not a string");
            }
            if (!(e.getValue() instanceof TorchTensorRef ref)) {
                throw new InvalidInputException(zip.file() + ": state-dict entry '" + name + "' is not a tensor");
            }
            TorchStorageRef storage = ref.storage();
            if (storage.dtype() == null) {
                throw new InvalidInputException(zip.file() + ": tensor '" + name + "' is stored as " + storage.storageType()
                        + "; only FloatStorage, HalfStorage and BFloat16Storage weights are read");
            }
            ByteBuffer bytes = storageBytes.computeIfAbsent(storage.key(),
                    key -> zip.read(zip.entries().get(prefix + "data/" + key)));
            MappedFile origin = !bytes.isDirect() ? null : storageOrigins.computeIfAbsent(storage.key(),
                    key -> zip.mappedFile(zip.entries().get(prefix + "data/" + key)));
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
