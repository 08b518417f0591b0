package org.mtalens.runtime.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.function.Function;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;
import org.mtalens.runtime.InvalidInputException;

/**
 * Unpickles a PyTorch {@code data.pkl} as data: globals outside {@link TorchGlobals}' allow-list are
 * rejected by name when the opcode naming them is read (before anything could call them), opcodes
 * that build arbitrary objects are refused, and every length-prefixed value is checked against the
 * bytes left before it is allocated. Storages come back as {@link TorchStorageRef}s through the
 * persistent-load hook, without reading their bytes. One instance per pickle; not thread-safe.
 */
final class SafeStateDictUnpickler extends Unpickler {
    private final String source;
    private final Function<TorchStorageRef, TorchStorageRef> storages;
    private ByteArrayInputStream bytes;

    /**
     * @param source   names the pickle in messages
     * @param storages checks (and may de-duplicate) each storage reference as it is read
     */
    SafeStateDictUnpickler(String source, Function<TorchStorageRef, TorchStorageRef> storages) {
        this.source = source;
        this.storages = storages;
    }

    /** @return the unpickled object; a hostile or broken pickle is an {@link InvalidInputException} */
    Object unpickle(byte[] pickle) {
        bytes = new ByteArrayInputStream(pickle);
        try {
            return load(bytes);
        } catch (InvalidInputException e) {
            throw e.getMessage().startsWith(source) ? e : new InvalidInputException(source + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // the third-party opcode handlers fail on malformed pickles with whatever they meet
            // (PickleException, ClassCast, IndexOutOfBounds, NullPointer on a None target, ...): all mean a bad file
            throw new InvalidInputException(source + ": not a valid state-dict pickle: " + e, e);
        } catch (StackOverflowError e) {
            // hashing or printing a value nested far deeper than any state dict, or one that contains itself
            throw new InvalidInputException(source + ": the pickle is nested too deeply or refers to itself;"
                    + " a state dict is a flat map of tensors");
        } finally {
            close();
        }
    }

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                stack.add(allowed(module, name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                stack.add(allowed(String.valueOf(module), String.valueOf(name)));
                return NO_RETURN_VALUE;
            }
            case Opcodes.INST, Opcodes.OBJ, Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4, Opcodes.NEXT_BUFFER ->
                    throw new InvalidInputException(source + ": pickle opcode " + key
                            + " (object construction) is not allowed in a state dict");
            case Opcodes.BUILD -> {
                build();
                return NO_RETURN_VALUE;
            }
            case Opcodes.BINSTRING, Opcodes.BINUNICODE, Opcodes.BINBYTES, Opcodes.LONG4 -> requireAvailable(key, 4);
            case Opcodes.BINUNICODE8, Opcodes.BINBYTES8, Opcodes.FRAME, Opcodes.BYTEARRAY8 -> requireAvailable(key, 8);
            default -> {
                // every other opcode only pushes small values or rearranges the stack
            }
        }
        return super.dispatch(key);
    }

    private Object allowed(String module, String name) {
        Optional<Object> constructor = TorchGlobals.resolve(module, name);
        return constructor.orElseThrow(() -> new InvalidInputException(source + ": the pickle refers to global '"
                + module + "." + name + "', which a state dict does not need; refusing to load it"));
    }

    /** BUILD only ever sets torch's {@code _metadata} on an OrderedDict; anything else is refused. */
    private void build() {
        Object state = stack.pop();
        Object target = stack.peek();
        if (target instanceof TorchGlobals.OrderedDict dict && state instanceof java.util.HashMap<?, ?> map) {
            dict.__setstate__(map);
            return;
        }
        throw new InvalidInputException(source + ": pickle BUILD on " + describe(target) + " is not allowed in a state dict");
    }

    private static String describe(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    /** Checks that the length prefix of the next value does not exceed the bytes left in the pickle. */
    private void requireAvailable(short opcode, int prefixBytes) {
        bytes.mark(prefixBytes);
        byte[] prefix = new byte[prefixBytes];
        int read = bytes.readNBytes(prefix, 0, prefixBytes);
        bytes.reset();
        if (read < prefixBytes) {
            throw new InvalidInputException(source + ": pickle ends inside a length prefix (truncated?)");
        }
        ByteBuffer le = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN);
        long length = prefixBytes == 4 ? le.getInt() & 0xFFFFFFFFL : le.getLong();
        long left = bytes.available() - prefixBytes;
        if (length < 0 || length > left) {
            throw new InvalidInputException(source + ": pickle opcode " + opcode + " declares " + Long.toUnsignedString(length)
                    + " bytes but only " + left + " remain (truncated or hostile pickle)");
        }
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] t) || t.length != 5 || !"storage".equals(t[0])
                || !(t[1] instanceof TorchGlobals.StorageType type) || !(t[2] instanceof String key)) {
            throw new InvalidInputException(source + ": unexpected persistent id (expected a torch storage tuple)");
        }
        long numel = TorchGlobals.toLong(t[4], "storage numel");
        if (numel < 0) {
            throw new InvalidInputException(source + ": storage '" + key + "' declares " + numel + " elements");
        }
        return storages.apply(new TorchStorageRef(key, type.name(), type.dtype(), type.elementBytes(), numel));
    }
}
