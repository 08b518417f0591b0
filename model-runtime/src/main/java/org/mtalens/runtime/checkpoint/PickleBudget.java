package org.mtalens.runtime.checkpoint;

import net.razorvine.pickle.Opcodes;
import org.mtalens.runtime.InvalidInputException;

/**
 * The memory an unpickled state dict may take, in proportion to the bytes its pickle occupies in the file:
 * {@value #FLOOR_BYTES} bytes plus {@value #PER_STORED_BYTE} per stored byte, at most {@value #CEILING_BYTES}.
 * Each opcode is charged, before it runs, an upper estimate of what it allocates on the JVM (a container
 * {@value #CONTAINER_COST} bytes, anything else {@value #OPCODE_COST}, a string or integer two bytes per
 * byte of its text). A stored pickle (what {@code torch.save} writes) costs about 10 bytes per byte and
 * always fits; a deflated one, or one of nothing but empty containers, may not: a 2-3 MB file inflating to
 * a 64 MB pickle of empty lists would otherwise take gigabytes.
 */
final class PickleBudget {
    static final long FLOOR_BYTES = 32L << 20;
    static final long PER_STORED_BYTE = 32;
    static final long CEILING_BYTES = 512L << 20;
    static final long OPCODE_COST = 32;
    static final long CONTAINER_COST = 64;

    private final String source;
    private final long limit;
    private long spent;

    private PickleBudget(String source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    /** @param storedBytes the bytes the pickle occupies in the file (compressed, if deflated) */
    static PickleBudget forStoredBytes(String source, long storedBytes) {
        return new PickleBudget(source, Math.min(CEILING_BYTES, FLOOR_BYTES + PER_STORED_BYTE * Math.max(0, storedBytes)));
    }

    /** An unlimited budget (for pickles that are not from a file). */
    static PickleBudget unlimited(String source) {
        return new PickleBudget(source, Long.MAX_VALUE);
    }

    /**
     * Charges one opcode before it runs.
     *
     * @param payloadBytes the bytes of text or data it reads (0 for none)
     * @throws InvalidInputException naming the pickle when the budget would be exceeded
     */
    void charge(short opcode, long payloadBytes) {
        spent += cost(opcode) + 2 * payloadBytes;
        if (spent > limit) {
            throw new InvalidInputException(source + ": unpickling would take more than " + (limit >> 20)
                    + " MiB, more than a state dict of this file's size needs (" + FLOOR_BYTES / (1 << 20) + " MiB plus "
                    + PER_STORED_BYTE + " bytes per byte of the pickle in the file); refusing a likely memory bomb");
        }
    }

    /** @return the estimate charged so far */
    long spent() {
        return spent;
    }

    private static long cost(short opcode) {
        return switch (opcode) {
            case Opcodes.EMPTY_DICT, Opcodes.DICT, Opcodes.EMPTY_LIST, Opcodes.LIST, Opcodes.EMPTY_SET, Opcodes.FROZENSET,
                    Opcodes.EMPTY_TUPLE, Opcodes.TUPLE, Opcodes.TUPLE1, Opcodes.TUPLE2, Opcodes.TUPLE3, Opcodes.REDUCE,
                    Opcodes.NEWOBJ, Opcodes.NEWOBJ_EX, Opcodes.BINPERSID, Opcodes.PERSID -> CONTAINER_COST;
            default -> OPCODE_COST;
        };
    }
}
