package org.mtalens.runtime.analysis;

/** The Jensen–Shannon divergence of two discrete distributions, in nats (0 to ln 2). */
final class JensenShannon {
    private JensenShannon() {
    }

    /**
     * JS(p, q) = KL(p || m)/2 + KL(q || m)/2 with m = (p + q)/2; terms with a 0 weight contribute 0.
     *
     * @param p a distribution (non-negative, sums to 1)
     * @param q a distribution of the same length
     */
    static double divergence(double[] p, double[] q) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            sum += term(p[i], m) + term(q[i], m);
        }
        return Math.max(0, sum / 2);
    }

    private static double term(double x, double m) {
        return x > 0 ? x * Math.log(x / m) : 0;
    }
}
