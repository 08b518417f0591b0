package org.mtalens.viz.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The input text wrapped into lines for the shaded text view: tokens placed left to right, a line broken before a
 * token that would overflow the width and after a token that holds a newline. Only the arithmetic of placing
 * tokens: the view measures and draws nothing but the lines in view ({@link #visible}), so thousands of tokens
 * scroll smoothly. Plain logic, no window needed.
 */
public final class TextLines {
    private final int[] lineStart;
    private final double[] x;
    private final double[] widths;
    private final double lineHeight;

    private TextLines(int[] lineStart, double[] x, double[] widths, double lineHeight) {
        this.lineStart = lineStart;
        this.x = x;
        this.widths = widths;
        this.lineHeight = lineHeight;
    }

    /**
     * @param tokens     the tokens' texts, in order
     * @param width      the width lines may take, in pixels
     * @param measure    a token's drawn width in pixels
     * @param lineHeight the height of a line in pixels
     */
    public static TextLines wrap(List<String> tokens, double width, ToDoubleFunction<String> measure,
            double lineHeight) {
        int n = tokens.size();
        double[] x = new double[n];
        double[] widths = new double[n];
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        double pos = 0;
        for (int i = 0; i < n; i++) {
            widths[i] = measure.applyAsDouble(tokens.get(i));
            boolean lineHasTokens = starts.get(starts.size() - 1) < i;
            if (lineHasTokens && pos + widths[i] > width) {
                starts.add(i);
                pos = 0;
            }
            x[i] = pos;
            pos += widths[i];
            if (tokens.get(i).contains("\n") && i + 1 < n) {
                starts.add(i + 1);
                pos = 0;
            }
        }
        return new TextLines(starts.stream().mapToInt(Integer::intValue).toArray(), x, widths, lineHeight);
    }

    /** @return how many lines */
    public int lines() {
        return lineStart.length;
    }

    /** @return the first token of line l */
    public int firstToken(int line) {
        return lineStart[line];
    }

    /** @return one past the last token of line l */
    public int endToken(int line) {
        return line + 1 < lineStart.length ? lineStart[line + 1] : x.length;
    }

    /** @return the line holding token i */
    public int lineOf(int token) {
        int lo = 0;
        int hi = lineStart.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStart[mid] <= token) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** @return token i's left edge in its line */
    public double x(int token) {
        return x[token];
    }

    /** @return token i's width */
    public double width(int token) {
        return widths[token];
    }

    /** @return the height of all lines together */
    public double height() {
        return lineStart.length * lineHeight;
    }

    public double lineHeight() {
        return lineHeight;
    }

    /** @return {first, end}: the lines that intersect the band [top, top + height) of the text, end exclusive */
    public int[] visible(double top, double height) {
        int first = Math.max(0, Math.min(lines(), (int) Math.floor(top / lineHeight)));
        int end = Math.max(first, Math.min(lines(), (int) Math.ceil((top + height) / lineHeight)));
        return new int[] {first, end};
    }

    /** @return the token at (px, py) of the text (py from the top of the first line), or -1 */
    public int tokenAt(double px, double py) {
        int line = (int) Math.floor(py / lineHeight);
        if (py < 0 || line >= lines()) {
            return -1;
        }
        for (int i = firstToken(line); i < endToken(line); i++) {
            if (px >= x[i] && px < x[i] + widths[i]) {
                return i;
            }
        }
        return -1;
    }
}
