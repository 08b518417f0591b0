package org.mtalens.runtime.tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.RegularFiles;

/**
 * Reads a tiktoken rank file (the Llama-3 {@code tokenizer.model}): one {@code <base64 bytes> <rank>}
 * per line, the ranks being exactly {@code 0 .. n-1}. Returns the bytes of each rank, indexed by rank.
 * Anything else (a SentencePiece protobuf, a JSON file, a broken line) is an {@link InvalidInputException}
 * naming the file and line.
 */
final class TiktokenRanks {
    /** A Llama-3 tokenizer.model is 2.2 MB; refuse what cannot be one before reading it all. */
    static final long MAX_FILE_BYTES = 64L << 20;

    private TiktokenRanks() {
    }

    /** Shape: {@code byte[n][]}, entry r holding the bytes of the token of rank r. */
    static byte[][] read(Path file) {
        try {
            RegularFiles.require(file);
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InvalidInputException(file + ": " + size + " bytes is too large for a tiktoken tokenizer.model");
            }
            if (looksBinary(file)) {
                throw new InvalidInputException(file + ": this is not a tiktoken rank file (base64 token and rank per line);"
                        + " it looks like a SentencePiece model, which MTA Lens does not read: supply a tokenizer.json instead");
            }
            return parse(file, size);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the tokenizer file: " + e.getMessage(), e);
        }
    }

    /** Ranks run from 0 without gaps, each on a line of at least 4 bytes, so a rank beyond {@code fileBytes / 4} is refused before the table grows to it. */
    private static byte[][] parse(Path file, long fileBytes) throws IOException {
        byte[][] pieces = new byte[1 << 17][];
        int count = 0;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                int space = line.indexOf(' ');
                byte[] token = decodeToken(file, lineNumber, line, space);
                int rank = parseRank(file, lineNumber, line.substring(space + 1).trim());
                if (rank > fileBytes / 4) {
                    throw new InvalidInputException(file + " line " + lineNumber + ": rank " + rank + " cannot occur in a file of "
                            + fileBytes + " bytes (ranks run from 0 without gaps, one per line of at least 4 bytes)");
                }
                if (rank >= pieces.length) {
                    pieces = java.util.Arrays.copyOf(pieces, Math.max(rank + 1, pieces.length * 2));
                }
                if (pieces[rank] != null) {
                    throw new InvalidInputException(file + " line " + lineNumber + ": rank " + rank + " appears twice");
                }
                pieces[rank] = token;
                count++;
            }
        }
        return complete(file, pieces, count);
    }

    private static byte[] decodeToken(Path file, int lineNumber, String line, int space) {
        if (space <= 0) {
            throw new InvalidInputException(file + " line " + lineNumber + ": expected '<base64 token> <rank>', found '"
                    + abbreviate(line) + "' (is this a tiktoken tokenizer.model?)");
        }
        try {
            return Base64.getDecoder().decode(line.substring(0, space));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + " line " + lineNumber + ": the token '" + abbreviate(line.substring(0, space))
                    + "' is not base64");
        }
    }

    private static int parseRank(Path file, int lineNumber, String rank) {
        try {
            int value = Integer.parseInt(rank);
            if (value < 0 || value > 10_000_000) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + " line " + lineNumber + ": the rank '" + abbreviate(rank)
                    + "' is not a number between 0 and 10000000");
        }
    }

    private static byte[][] complete(Path file, byte[][] pieces, int count) {
        if (count < 256) {
            throw new InvalidInputException(file + ": only " + count + " tokens; a tiktoken rank file has at least the 256 single bytes");
        }
        for (int rank = 0; rank < count; rank++) {
            if (pieces[rank] == null) {
                throw new InvalidInputException(file + ": rank " + rank + " is missing (ranks must run from 0 to " + (count - 1) + ")");
            }
        }
        byte[][] ranks = java.util.Arrays.copyOf(pieces, count);
        requireEverySingleByte(file, ranks);
        return ranks;
    }

    /** Byte-pair encoding starts from single bytes: without one, text holding that byte cannot be encoded. */
    private static void requireEverySingleByte(Path file, byte[][] ranks) {
        boolean[] seen = new boolean[256];
        for (byte[] piece : ranks) {
            if (piece.length == 1) {
                seen[piece[0] & 0xFF] = true;
            }
        }
        for (int b = 0; b < 256; b++) {
            if (!seen[b]) {
                throw new InvalidInputException(file + ": the byte 0x" + String.format("%02x", b)
                        + " has no token; a tiktoken rank file has a token for every single byte");
            }
        }
    }

    private static boolean looksBinary(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(512);
            for (byte b : head) {
                if (b == 0 || (b & 0xFF) < 0x09) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
