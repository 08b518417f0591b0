package org.mtalens.runtime;

/**
 * The user gave something the runtime cannot use: a broken or hostile file, a config field out of
 * range, a token outside the vocabulary. The message names the file, field or token; the command
 * line turns it into exit code 2 and the app into an error dialog, and nothing the user had is lost.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
