package org.mtalens.runtime;

/**
 * Cuts names that come from a file or the command line (entry names, tensor keys, JSON fields, pickle
 * globals, typed tokens) to a readable length before they go into a message, so a hostile file with a
 * name of megabytes gives a message of one line, not megabytes of stderr. Control characters become
 * {@code ?} so a name cannot forge lines of its own.
 */
public final class ShownName {
    /** Characters of a name kept in a message. */
    public static final int MAX_CHARS = 200;

    private ShownName() {
    }

    /** @return {@code name} as text of at most {@value #MAX_CHARS} characters, then "…" and its full length when cut */
    public static String of(Object name) {
        return cut(String.valueOf(name), MAX_CHARS);
    }

    /** @return {@code text} cut to {@code limit} characters (never inside a surrogate pair), control characters as '?' */
    static String cut(String text, int limit) {
        int end = text.length() <= limit ? text.length() : limit;
        if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder shown = new StringBuilder(end + 32);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            shown.append(Character.isISOControl(c) ? '?' : c);
        }
        if (end < text.length()) {
            shown.append("… (").append(text.length()).append(" characters)");
        }
        return shown.toString();
    }
}
