package org.mtalens.runtime.tokenizer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.mtalens.runtime.InvalidInputException;

/**
 * The child process of {@link TokenizerProcess}: loads one {@code tokenizer.json} with the Rust library,
 * encodes a sample (the load check), then answers encode and decode requests until its stdin ends. If the
 * library panics, only this process dies. Java output goes to stderr; stdout carries only the protocol.
 */
final class TokenizerServer {
    /** What every file is tried on before the user's text: letters, punctuation, digits, non-ASCII, emoji, controls. */
    static final String SAMPLE = "Hello, world! 123 ö 🙂\n\t";

    private TokenizerServer() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        NativeTokenizer tokenizer;
        try {
            tokenizer = InProcessNativeTokenizer.load(Path.of(args[0]));
            tokenizer.encode(SAMPLE, true);
            tokenizer.encode(SAMPLE, false);
        } catch (InvalidInputException e) {
            reply(out, TokenizerProtocol.ERROR, e.getMessage());
            return;
        }
        reply(out, TokenizerProtocol.OK, null);
        serve(tokenizer, in, out);
    }

    private static void serve(NativeTokenizer tokenizer, DataInputStream in, DataOutputStream out) throws IOException {
        while (true) {
            int operation;
            try {
                operation = in.readUnsignedByte();
            } catch (EOFException parentGone) {
                return;
            }
            try {
                if (operation == TokenizerProtocol.ENCODE) {
                    String text = TokenizerProtocol.readText(in);
                    NativeEncoding encoding = tokenizer.encode(text, in.readBoolean());
                    out.writeByte(TokenizerProtocol.OK);
                    TokenizerProtocol.writeEncoding(out, encoding);
                } else if (operation == TokenizerProtocol.DECODE) {
                    String text = tokenizer.decode(TokenizerProtocol.readIds(in));
                    out.writeByte(TokenizerProtocol.OK);
                    TokenizerProtocol.writeText(out, text);
                } else {
                    throw new IOException("unknown request " + operation);
                }
            } catch (RuntimeException e) { // the library refused the text (InvalidInputException) or failed otherwise
                out.writeByte(TokenizerProtocol.ERROR);
                TokenizerProtocol.writeText(out, String.valueOf(e.getMessage()));
            }
            out.flush();
        }
    }

    private static void reply(DataOutputStream out, int status, String message) throws IOException {
        out.writeByte(status);
        if (message != null) {
            TokenizerProtocol.writeText(out, message);
        }
        out.flush();
    }
}
