package org.mtalens.runtime.checkpoint;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.razorvine.pickle.IObjectConstructor;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;

/**
 * The allow-list of pickle globals a PyTorch state dict needs, each mapped to a constructor that only
 * builds inert data (records, maps). Nothing here executes code from the file.
 */
final class TorchGlobals {
    /** Storage type names and the element type they hold (null: a type MTA Lens does not compute with). */
    private static final Map<String, DType> FLOAT_STORAGES = Map.of(
            "FloatStorage", DType.F32, "HalfStorage", DType.F16, "BFloat16Storage", DType.BF16);
    private static final Map<String, Integer> OTHER_STORAGES = Map.of(
            "DoubleStorage", 8, "LongStorage", 8, "IntStorage", 4, "ShortStorage", 2,
            "CharStorage", 1, "ByteStorage", 1, "BoolStorage", 1);

    /** Dimensions of a tensor; MTA's largest weights have 4. A longer size or stride tuple is refused before it is copied. */
    static final int MAX_DIMS = 16;

    private TorchGlobals() {
    }

    /** An {@code OrderedDict}: a map that keeps insertion order and ignores pickled attributes ({@code _metadata}). */
    public static final class OrderedDict extends LinkedHashMap<Object, Object> {
        private static final long serialVersionUID = 1L;

        /** Receives the pickled instance attributes (torch's {@code _metadata}); they are not needed. */
        public void __setstate__(HashMap<?, ?> state) {
            // the module metadata (versions per submodule) plays no part in the weights
        }
    }

    /** A storage type token, e.g. {@code torch.FloatStorage}: data only. */
    record StorageType(String name, DType dtype, int elementBytes) {
    }

    /** @return the constructor for an allowed global, or empty when {@code module.name} is not allowed */
    static Optional<Object> resolve(String module, String name) {
        String qualified = module + "." + name;
        if (module.equals("torch") && FLOAT_STORAGES.containsKey(name)) {
            DType dtype = FLOAT_STORAGES.get(name);
            return Optional.of(new StorageType(name, dtype, dtype.bytes()));
        }
        if (module.equals("torch") && OTHER_STORAGES.containsKey(name)) {
            return Optional.of(new StorageType(name, null, OTHER_STORAGES.get(name)));
        }
        IObjectConstructor constructor = switch (qualified) {
            case "collections.OrderedDict" -> TorchGlobals::orderedDict;
            case "torch._utils._rebuild_tensor_v2" -> TorchGlobals::rebuildTensor;
            case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state" ->
                    TorchGlobals::rebuildParameter;
            default -> null;
        };
        return Optional.ofNullable(constructor);
    }

    private static Object orderedDict(Object[] args) {
        OrderedDict dict = new OrderedDict();
        if (args.length == 1 && args[0] instanceof List<?> pairs) {
            for (Object pair : pairs) {
                if (!(pair instanceof Object[] kv) || kv.length != 2) {
                    throw new InvalidInputException("OrderedDict built from something other than (key, value) pairs");
                }
                dict.put(kv[0], kv[1]);
            }
        } else if (args.length != 0) {
            throw new InvalidInputException("OrderedDict called with " + args.length + " arguments");
        }
        return dict;
    }

    /** {@code _rebuild_parameter(data, requires_grad, backward_hooks[, state])}: the tensor itself. */
    private static Object rebuildParameter(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof TorchTensorRef tensor)) {
            throw new InvalidInputException("_rebuild_parameter without a tensor");
        }
        return tensor;
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private static Object rebuildTensor(Object[] args) {
        if (args.length < 4 || !(args[0] instanceof TorchStorageRef storage)) {
            throw new InvalidInputException("_rebuild_tensor_v2 without a storage");
        }
        long offset = toLong(args[1], "storage_offset");
        long[] shape = longs(args[2], "size");
        long[] stride = longs(args[3], "stride");
        if (shape.length != stride.length) {
            throw new InvalidInputException("tensor of storage '" + storage.key() + "' has size " + Arrays.toString(shape)
                    + " but stride " + Arrays.toString(stride));
        }
        long count = elementCount(storage, shape);
        requireContiguous(storage, shape, stride);
        if (offset < 0 || offset > storage.numel() || count > storage.numel() - offset) {
            throw new InvalidInputException("tensor of " + count + " elements at offset " + offset
                    + " does not fit storage '" + storage.key() + "' of " + storage.numel() + " elements");
        }
        return new TorchTensorRef(storage, offset, shape);
    }

    private static long elementCount(TorchStorageRef storage, long[] shape) {
        try {
            return Tensor.elementCount(shape);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InvalidInputException("tensor of storage '" + storage.key() + "' has an impossible size "
                    + Arrays.toString(shape));
        }
    }

    /** Row-major strides only (state dicts are contiguous); dimensions of size 1 may have any stride. */
    private static void requireContiguous(TorchStorageRef storage, long[] shape, long[] stride) {
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                throw new InvalidInputException("tensor of storage '" + storage.key() + "' is not contiguous (size "
                        + Arrays.toString(shape) + ", stride " + Arrays.toString(stride)
                        + "); save it with .contiguous() first");
            }
            expected *= shape[d];
        }
    }

    private static long[] longs(Object value, String what) {
        if (!(value instanceof Object[] items)) {
            throw new InvalidInputException("_rebuild_tensor_v2: " + what + " is not a tuple");
        }
        if (items.length > MAX_DIMS) {
            throw new InvalidInputException("_rebuild_tensor_v2: " + what + " has " + items.length
                    + " dimensions; a weight has at most " + MAX_DIMS);
        }
        long[] out = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = toLong(items[i], what);
        }
        return out;
    }

    static long toLong(Object value, String what) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        throw new InvalidInputException(what + " is not an integer that fits 64 bits: " + describe(value));
    }

    /** A value in a message without printing a huge one (a million-digit integer, a map of everything). */
    private static String describe(Object value) {
        if (value instanceof java.math.BigInteger big) {
            return "an integer of " + big.bitLength() + " bits";
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return ShownName.of(value);
        }
        return value == null ? "None" : "a " + value.getClass().getSimpleName();
    }
}
