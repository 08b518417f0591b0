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
    /** What to type on the command line about it (e.g. an option that allows it), or null: the app has its own words. */
    private final String commandLineHint;

    public InvalidInputException(String message) {
        super(readable(message));
        this.commandLineHint = null;
    }

    /** @param commandLineHint what the command line adds in brackets, e.g. "--allow-longer runs it anyway" */
    public InvalidInputException(String message, String commandLineHint) {
        super(readable(message));
        this.commandLineHint = commandLineHint;
    }

    public InvalidInputException(String message, Throwable cause) {
        super(readable(message), cause);
        this.commandLineHint = null;
    }

    /** @return the message as the command line says it: with the option that helps, when there is one */
    public String commandLineMessage() {
        return commandLineHint == null ? getMessage() : getMessage() + " (" + commandLineHint + ")";
    }

    private static String readable(String message) {
        return message == null || message.length() <= MAX_MESSAGE_CHARS ? message
                : ShownName.cut(message, MAX_MESSAGE_CHARS);
    }
}
