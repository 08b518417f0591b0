package org.mtalens.runtime.parity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.libtorch.Tf32;

/**
 * What {@code mta-lens parity} prints: per fixture, how many arrays lie within the tolerance, the worst one, and
 * every one that does not.
 *
 * @param device    where MTA Lens ran
 * @param tolerance the largest absolute difference allowed
 * @param fixtures  one comparison per fixture
 */
public record ParityReport(String device, double tolerance, List<FixtureParity> fixtures) {
    public ParityReport {
        fixtures = List.copyOf(fixtures);
    }

    /** @return whether every array of every fixture lies within the tolerance */
    public boolean ok() {
        return fixtures.stream().allMatch(f -> f.failures(tolerance).isEmpty());
    }

    /** @return e.g. {@code tiny: layer1/pre_sm_conv differs by 0.5 at [0, 3, 2] (...) > 1e-3; 2 arrays in all} */
    public String firstFailure() {
        List<String> failed = failedNames();
        return fixtures.stream().filter(f -> !f.failures(tolerance).isEmpty()).findFirst()
                .map(f -> f.fixture() + ": " + f.failures(tolerance).get(0).describe() + String.format(", more than %.0e", tolerance)
                        + (failed.size() > 1 ? "; " + failed.size() + " arrays in all" : ""))
                .orElse("none");
    }

    private List<String> failedNames() {
        List<String> names = new ArrayList<>();
        fixtures.forEach(f -> f.failures(tolerance).forEach(a -> names.add(f.fixture() + " " + a.name())));
        return names;
    }

    /** @return the report for people */
    public String text() {
        StringBuilder s = new StringBuilder(String.format("parity with the official code on %s, tolerance %.0e%s%n", device,
                tolerance, device.startsWith("gpu") ? ", TF32 " + Tf32.describe() : ""));
        for (FixtureParity f : fixtures) {
            List<ArrayParity> failures = f.failures(tolerance);
            s.append(String.format("  %-18s %s, T=%d: %d of %d arrays within tolerance, worst %s%n", f.fixture(),
                    f.checkpoint(), f.tokens(), f.arrays().size() - failures.size(), f.arrays().size(), f.worst().describe()));
            failures.forEach(a -> s.append("    FAILED ").append(a.describe()).append('\n'));
        }
        s.append(ok() ? "all within tolerance" : "FAILED: " + String.join(", ", failedNames()));
        return s.toString();
    }

    /** @return one JSON object: {@code ok}, {@code device}, {@code tolerance}, {@code tf32}, {@code failed}, {@code fixtures} */
    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("ok", ok());
        root.put("device", device);
        root.put("tolerance", tolerance);
        root.put("tf32", Tf32.describe());
        root.put("failed", failedNames());
        root.put("fixtures", fixtures.stream().map(this::json).toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> json(FixtureParity f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.fixture());
        m.put("checkpoint", f.checkpoint());
        m.put("tokens", f.tokens());
        m.put("ok", f.failures(tolerance).isEmpty());
        m.put("arrays", f.arrays().stream().map(this::json).toList());
        return m;
    }

    private Map<String, Object> json(ArrayParity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("shape", a.shape());
        m.put("ok", a.within(tolerance));
        m.put("max_abs_diff", Double.isFinite(a.maxAbsDiff()) ? a.maxAbsDiff() : null);
        m.put("at", a.at());
        if (a.problem() != null) {
            m.put("problem", a.problem());
        }
        return m;
    }
}
