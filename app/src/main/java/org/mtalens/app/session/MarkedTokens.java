package org.mtalens.app.session;

/**
 * Tokens [from, to) the maps mark on their key axis, e.g. the target block of a find-the-block instance.
 *
 * @param from  first marked token
 * @param to    one past the last marked token
 * @param label what the range is, shown beside it
 */
public record MarkedTokens(int from, int to, String label) {
}
