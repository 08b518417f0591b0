package org.mtalens.app.work;

/**
 * Something that went wrong, for an error dialog.
 *
 * @param title   short headline, e.g. "Could not open the checkpoint"
 * @param message the runtime's message, naming the file, field or token
 * @param details technical details (the stack trace for internal errors), may be empty
 */
public record ErrorReport(String title, String message, String details) {
}
