package org.mtalens.app.main;

import java.util.regex.Pattern;
import org.mtalens.runtime.InvalidInputException;

/** Reads the input box: raw token ids ("3, 17, 5"); text needs the checkpoint's tokenizer. */
final class InputParser {
    private static final Pattern IDS = Pattern.compile("\\s*\\d+(\\s*[,\\s]\\s*\\d+)*\\s*");

    private InputParser() {
    }

    /** @return true when the text is a list of token ids */
    static boolean isTokenIds(String text) {
        return IDS.matcher(text).matches();
    }

    /** Parses ids separated by commas or spaces; a bad id is named with its position. */
    static int[] tokenIds(String text) {
        if (!isTokenIds(text)) {
            throw new InvalidInputException("'" + abbreviate(text) + "' is not a list of token ids (e.g. 3,17,5); "
                    + "this checkpoint has no tokenizer MTA Lens can read, so give raw ids");
        }
        String[] parts = text.trim().split("[,\\s]+");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ids[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("token '" + parts[i] + "' at position " + i + " is too large");
            }
        }
        return ids;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
