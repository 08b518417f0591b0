package org.mtalens.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares two {@code summary.json} files of the same corpus (e.g. from a cluster and from local mode): equal in
 * every field, but for means and standard deviations, which are sums in whatever order the partitions arrive and
 * may differ in their last digits (relative 1e-12). {@code bin/corpus-cluster-check} runs it.
 */
public final class SummaryComparison {
    /** The fields that are sums over the documents in the order their partitions arrive. */
    private static final Set<String> SUMS = Set.of("mean", "std");
    private static final double RELATIVE = 1e-12;

    private SummaryComparison() {
    }

    /** {@code SummaryComparison A B}: exit 0 when equal, 1 (with the first difference on stderr) when not. */
    public static void main(String[] args) throws IOException {
        Optional<String> difference = difference(Path.of(args[0]), Path.of(args[1]));
        difference.ifPresent(System.err::println);
        System.exit(difference.isPresent() ? 1 : 0);
    }

    /** @return where the two summaries first differ (a JSON path and both values), if they do */
    static Optional<String> difference(Path a, Path b) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return difference("$", json.readTree(a.toFile()), json.readTree(b.toFile()), "");
    }

    private static Optional<String> difference(String path, JsonNode a, JsonNode b, String field) {
        if (a.isNumber() && b.isNumber() && SUMS.contains(field)) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return Math.abs(x - y) <= RELATIVE * Math.max(Math.abs(x), Math.abs(y)) ? Optional.empty() : differs(path, a, b);
        }
        if (a.isObject() && b.isObject() && a.size() == b.size()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Optional<String> d = b.has(e.getKey()) ? difference(path + "." + e.getKey(), e.getValue(), b.get(e.getKey()), e.getKey())
                        : differs(path + "." + e.getKey(), e.getValue(), com.fasterxml.jackson.databind.node.MissingNode.getInstance());
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                Optional<String> d = difference(path + "[" + i + "]", a.get(i), b.get(i), field);
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        return a.equals(b) ? Optional.empty() : differs(path, a, b);
    }

    private static Optional<String> differs(String path, JsonNode a, JsonNode b) {
        String shownA = a.toString();
        String shownB = b.toString();
        return Optional.of(path + ": " + shownA.substring(0, Math.min(200, shownA.length())) + " vs "
                + shownB.substring(0, Math.min(200, shownB.length())));
    }
}
