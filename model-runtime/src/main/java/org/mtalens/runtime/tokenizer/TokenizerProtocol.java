package org.mtalens.runtime.tokenizer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The messages between {@link TokenizerProcess} and its child ({@link TokenizerServer}) over the child's
 * stdin and stdout: a request is an operation byte and its arguments; a reply starts with {@link #OK} or
 * {@link #ERROR} and a message. Texts are a length and UTF-8 bytes.
 */
final class TokenizerProtocol {
    static final int ENCODE = 1;
    static final int DECODE = 2;
    static final int OK = 0;
    static final int ERROR = 1;
    /** The longest text either side accepts (the app's input box holds far less). */
    private static final int MAX_TEXT_BYTES = 1 << 28;

    private TokenizerProtocol() {
    }

    static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT_BYTES) {
            throw new IOException("a text of " + length + " bytes in the tokenizer protocol");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    static void writeEncoding(DataOutputStream out, NativeEncoding encoding) throws IOException {
        out.writeInt(encoding.ids().length);
        for (int k = 0; k < encoding.ids().length; k++) {
            out.writeLong(encoding.ids()[k]);
            out.writeByte((int) encoding.special()[k]);
            out.writeInt(encoding.starts()[k]);
            out.writeInt(encoding.ends()[k]);
        }
    }

    static NativeEncoding readEncoding(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_TEXT_BYTES) {
            throw new IOException("an encoding of " + n + " tokens in the tokenizer protocol");
        }
        long[] ids = new long[n];
        long[] special = new long[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int k = 0; k < n; k++) {
            ids[k] = in.readLong();
            special[k] = in.readByte();
            starts[k] = in.readInt();
            ends[k] = in.readInt();
        }
        return new NativeEncoding(ids, special, starts, ends);
    }

    static void writeIds(DataOutputStream out, long[] ids) throws IOException {
        out.writeInt(ids.length);
        for (long id : ids) {
            out.writeLong(id);
        }
    }

    static long[] readIds(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_TEXT_BYTES) {
            throw new IOException(n + " ids in the tokenizer protocol");
        }
        long[] ids = new long[n];
        for (int k = 0; k < n; k++) {
            ids[k] = in.readLong();
        }
        return ids;
    }

    /** Reads a reply's first byte: true for {@link #OK}; an {@link #ERROR} reply's message is thrown. */
    static boolean readStatus(DataInputStream in) throws IOException {
        int status = in.read();
        if (status < 0) {
            throw new EOFException("the tokenizer process ended");
        }
        if (status == ERROR) {
            throw new ReplyError(readText(in));
        }
        if (status != OK) {
            throw new IOException("unexpected byte " + status + " from the tokenizer process");
        }
        return true;
    }

    /** An error the child reported in words (the library refused a file or a text): not a crash. */
    static final class ReplyError extends IOException {
        private static final long serialVersionUID = 1L;

        ReplyError(String message) {
            super(message);
        }
    }
}
