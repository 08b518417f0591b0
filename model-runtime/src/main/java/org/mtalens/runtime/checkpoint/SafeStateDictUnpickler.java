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
import org.mtalens.runtime.ShownName;

/**
 * Unpickles a PyTorch {@code data.pkl} as data: globals outside {@link TorchGlobals}' allow-list are
 * rejected by name when the opcode naming them is read (before anything could call them), opcodes
 * that build arbitrary objects are refused, and every length-prefixed value is checked against the
 * bytes left before it is allocated. Every opcode is charged to a {@link PickleBudget} before it runs, and
 * integers written as text may have at most {@value #MAX_INTEGER_TEXT} characters (Java parses a decimal
 * {@code LONG} of millions of digits in quadratic time: minutes). Storages come back as
 * {@link TorchStorageRef}s through the persistent-load hook, without reading their bytes. One instance
 * per pickle; not thread-safe.
 */
final class SafeStateDictUnpickler extends Unpickler {
    /** Characters of an integer written as text (INT, LONG): 64 bits need 20 digits, a sign and an 'L'. */
    static final int MAX_INTEGER_TEXT = 32;
    /** Bytes of a binary LONG4 integer; 64 bits need 8. */
    private static final int MAX_INTEGER_BYTES = 16;

    private final String source;
    private final Function<TorchStorageRef, TorchStorageRef> storages;
    private final PickleBudget budget;
    private ByteArrayInputStream bytes;
    private byte[] pickle;

    /**
     * @param source   names the pickle in messages
     * @param storages checks (and may de-duplicate) each storage reference as it is read
     * @param budget   the memory the pickle may take
     */
    SafeStateDictUnpickler(String source, Function<TorchStorageRef, TorchStorageRef> storages, PickleBudget budget) {
        this.source = source;
        this.storages = storages;
        this.budget = budget;
    }

    /** @return the unpickled object; a hostile or broken pickle is an {@link InvalidInputException} */
    Object unpickle(byte[] pickle) {
        this.pickle = pickle;
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
        budget.charge(key, payloadBytes(key));
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
            case Opcodes.INT, Opcodes.LONG -> requireShortInteger(key, lineLength(position()), MAX_INTEGER_TEXT, "digits");
            case Opcodes.LONG4 -> requireShortInteger(key, prefixedLength(key, 4), MAX_INTEGER_BYTES, "bytes");
            default -> {
                // every other opcode only pushes small values or rearranges the stack
            }
        }
        return super.dispatch(key);
    }

    /** @return the bytes of text or data the opcode at hand reads, checked against the bytes left */
    private long payloadBytes(short key) {
        return switch (key) {
            case Opcodes.BINSTRING, Opcodes.BINUNICODE, Opcodes.BINBYTES, Opcodes.LONG4 -> prefixedLength(key, 4);
            case Opcodes.BINUNICODE8, Opcodes.BINBYTES8, Opcodes.BYTEARRAY8 -> prefixedLength(key, 8);
            case Opcodes.FRAME -> {
                prefixedLength(key, 8);
                yield 0; // a frame only groups the opcodes that follow
            }
            case Opcodes.SHORT_BINSTRING, Opcodes.SHORT_BINUNICODE, Opcodes.SHORT_BINBYTES, Opcodes.LONG1 ->
                    prefixedLength(key, 1);
            case Opcodes.INT, Opcodes.LONG, Opcodes.FLOAT, Opcodes.STRING, Opcodes.UNICODE, Opcodes.PERSID,
                    Opcodes.GET, Opcodes.PUT -> lineLength(position());
            case Opcodes.GLOBAL -> {
                long module = lineLength(position());
                yield module + 1 + lineLength(position() + module + 1);
            }
            default -> 0;
        };
    }

    private void requireShortInteger(short opcode, long length, int max, String unit) {
        if (length > max) {
            throw new InvalidInputException(source + ": pickle opcode " + opcode + " holds an integer of " + length + " "
                    + unit + "; a state dict's integers fit 64 bits (at most " + max + ")");
        }
    }

    private int position() {
        return pickle.length - bytes.available();
    }

    /** @return the bytes before the next newline from {@code from} (to the end when there is none) */
    private long lineLength(long from) {
        for (long at = from; at < pickle.length; at++) {
            if (pickle[(int) at] == '\n') {
                return at - from;
            }
        }
        return Math.max(0, pickle.length - from);
    }

    private Object allowed(String module, String name) {
        Optional<Object> constructor = TorchGlobals.resolve(module, name);
        return constructor.orElseThrow(() -> new InvalidInputException(source + ": the pickle refers to global '"
                + ShownName.of(module + "." + name) + "', which a state dict does not need; refusing to load it"));
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

    /**
     * @return the length in the next {@code prefixBytes} little-endian bytes (the value's length prefix), after
     *         checking that it does not exceed the bytes left in the pickle
     */
    private long prefixedLength(short opcode, int prefixBytes) {
        int at = position();
        if (at > pickle.length - prefixBytes) {
            throw new InvalidInputException(source + ": pickle ends inside a length prefix (truncated?)");
        }
        ByteBuffer le = ByteBuffer.wrap(pickle, at, prefixBytes).order(ByteOrder.LITTLE_ENDIAN);
        long length = switch (prefixBytes) {
            case 1 -> le.get() & 0xFF;
            case 4 -> le.getInt() & 0xFFFFFFFFL;
            default -> le.getLong();
        };
        long left = pickle.length - at - prefixBytes;
        if (length < 0 || length > left) {
            throw new InvalidInputException(source + ": pickle opcode " + opcode + " declares " + Long.toUnsignedString(length)
                    + " bytes but only " + left + " remain (truncated or hostile pickle)");
        }
        return length;
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] t) || t.length != 5 || !"storage".equals(t[0])
                || !(t[1] instanceof TorchGlobals.StorageType type) || !(t[2] instanceof String key)) {
            throw new InvalidInputException(source + ": unexpected persistent id (expected a torch storage tuple)");
        }
        long numel = TorchGlobals.toLong(t[4], "storage numel");
        if (numel < 0) {
            throw new InvalidInputException(source + ": storage '" + ShownName.of(key) + "' declares " + numel + " elements");
        }
        return storages.apply(new TorchStorageRef(key, type.name(), type.dtype(), type.elementBytes(), numel));
    }
}
