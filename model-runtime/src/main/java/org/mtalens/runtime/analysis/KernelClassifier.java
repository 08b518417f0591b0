package org.mtalens.runtime.analysis;

/**
 * Names the {@link KernelPattern} of one head's key-query kernel. Notation: w the kernel's taps, A = max|w|,
 * a <em>strong</em> tap has |w| &ge; {@value #STRONG_TAP_SHARE} A; the <em>identity tap</em> is (current query,
 * current key); the <em>diagonal</em> is the taps whose query offset equals their key offset (the line
 * through the identity tap along which a kernel adds up "query i-d matched key j-d" for d = 0, 1, ...: the
 * sequence-matching kernels of the MTA paper). The first rule that holds wins:
 * <ol>
 *   <li>{@link KernelPattern#NEAR_IDENTITY}: the identity tap is positive and the L2 norm of all other taps is at
 *       most {@value #NEAR_IDENTITY_MAX_OFF_SHARE} of the kernel's L2 norm (the kernel is the identity up to a
 *       positive scale and small leakage);</li>
 *   <li>{@link KernelPattern#DIAGONAL}: the diagonal holds at least {@value #DIAGONAL_MIN_MASS_SHARE} of the
 *       kernel's |w| mass (sum of |w|) and at least two diagonal taps are strong and of the same sign;</li>
 *   <li>{@link KernelPattern#EDGE}: a strong positive tap and a strong negative tap are neighbours along keys (same
 *       row, adjacent columns) or along queries (same column, adjacent rows), and the smaller of the positive and
 *       the negative |w| mass is at least {@value #EDGE_MIN_SIGN_BALANCE} of the total |w| mass;</li>
 *   <li>{@link KernelPattern#OTHER}: anything else, including an all-zero kernel or one with non-finite taps.</li>
 * </ol>
 */
public final class KernelClassifier {
    /** A tap is strong when its |w| is at least this share of the kernel's largest |w|. */
    public static final double STRONG_TAP_SHARE = 0.25;
    /** Near-identity: L2 norm of the non-identity taps over the kernel's L2 norm, at most this. */
    public static final double NEAR_IDENTITY_MAX_OFF_SHARE = 0.3;
    /** Diagonal: share of the |w| mass on the diagonal through the identity tap, at least this. */
    public static final double DIAGONAL_MIN_MASS_SHARE = 0.6;
    /** Edge: the smaller of positive and negative |w| mass over the total |w| mass, at least this. */
    public static final double EDGE_MIN_SIGN_BALANCE = 0.25;

    private KernelClassifier() {
    }

    /** @return the first pattern of the class comment whose rule holds for {@code kernel} */
    public static KernelPattern classify(HeadKernel kernel) {
        double largest = largestMagnitude(kernel);
        if (!(largest > 0) || Double.isInfinite(largest)) {
            return KernelPattern.OTHER;
        }
        if (isNearIdentity(kernel)) {
            return KernelPattern.NEAR_IDENTITY;
        }
        double strong = STRONG_TAP_SHARE * largest;
        if (isDiagonal(kernel, strong)) {
            return KernelPattern.DIAGONAL;
        }
        return isEdge(kernel, strong) ? KernelPattern.EDGE : KernelPattern.OTHER;
    }

    /** @return max |w|, or NaN when a tap is not finite */
    static double largestMagnitude(HeadKernel kernel) {
        double largest = 0;
        for (float v : kernel.values()) {
            if (!Float.isFinite(v)) {
                return Double.NaN;
            }
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    static boolean isNearIdentity(HeadKernel k) {
        double all = 0;
        double off = 0;
        for (int r = 0; r < k.queryTaps(); r++) {
            for (int c = 0; c < k.keyTaps(); c++) {
                double v = k.value(r, c);
                all += v * v;
                off += k.isIdentityTap(r, c) ? 0 : v * v;
            }
        }
        return k.value(k.queryTaps() - 1, k.currentKeyColumn()) > 0 // the identity tap
                && Math.sqrt(off) <= NEAR_IDENTITY_MAX_OFF_SHARE * Math.sqrt(all);
    }

    static boolean isDiagonal(HeadKernel k, double strong) {
        double mass = 0;
        double diagonal = 0;
        int strongPositive = 0;
        int strongNegative = 0;
        for (int r = 0; r < k.queryTaps(); r++) {
            for (int c = 0; c < k.keyTaps(); c++) {
                float v = k.value(r, c);
                mass += Math.abs(v);
                if (k.onDiagonal(r, c)) {
                    diagonal += Math.abs(v);
                    strongPositive += v >= strong ? 1 : 0;
                    strongNegative += -v >= strong ? 1 : 0;
                }
            }
        }
        return diagonal >= DIAGONAL_MIN_MASS_SHARE * mass && Math.max(strongPositive, strongNegative) >= 2;
    }

    static boolean isEdge(HeadKernel k, double strong) {
        double positive = 0;
        double negative = 0;
        for (float v : k.values()) {
            positive += Math.max(v, 0);
            negative += Math.max(-v, 0);
        }
        return Math.min(positive, negative) >= EDGE_MIN_SIGN_BALANCE * (positive + negative)
                && hasOppositeStrongNeighbours(k, strong);
    }

    private static boolean hasOppositeStrongNeighbours(HeadKernel k, double strong) {
        for (int r = 0; r < k.queryTaps(); r++) {
            for (int c = 0; c < k.keyTaps(); c++) {
                boolean alongKeys = c + 1 < k.keyTaps() && opposite(k.value(r, c), k.value(r, c + 1), strong);
                boolean alongQueries = r + 1 < k.queryTaps() && opposite(k.value(r, c), k.value(r + 1, c), strong);
                if (alongKeys || alongQueries) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return true when both taps are strong and of opposite signs */
    private static boolean opposite(float a, float b, double strong) {
        return Math.abs(a) >= strong && Math.abs(b) >= strong && Math.signum(a) == -Math.signum(b);
    }
}
