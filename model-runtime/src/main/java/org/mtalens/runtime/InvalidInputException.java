package org.mtalens.runtime;

/**
 * The user gave something the runtime cannot use: a broken or hostile file, a config field out of
 * range, a token outside the vocabulary. The message names the file, field or token; the command
 * line turns it into exit code 2 and the app into an error dialog, and nothing the user had is lost.
 * Names in messages are cut with {@link ShownName}; as a last guard, a message longer than
 * {@value #MAX_MESSAGE_CHARS} characters is cut too.
 */
public class InvalidInputException extends RuntimeException {
    /** Longest message kept whole (a few lines); beyond it the message is cut. */
    public static final int MAX_MESSAGE_CHARS = 4000;
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(readable(message));
    }

    public InvalidInputException(String message, Throwable cause) {
        super(readable(message), cause);
    }

    private static String readable(String message) {
        return message == null || message.length() <= MAX_MESSAGE_CHARS ? message
                : ShownName.cut(message, MAX_MESSAGE_CHARS);
    }
}
