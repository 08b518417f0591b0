package org.mtalens.runtime.inspect;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.MtaConfig;

/** Writes an inspection as readable text: a summary, then aligned tables. */
public final class InspectionText {
    private InspectionText() {
    }

    public static void write(CheckpointInspection in, PrintWriter out) {
        ModelConfig c = in.config();
        out.printf(Locale.ROOT, "Checkpoint  %s%n", in.source());
        out.printf(Locale.ROOT, "Format      %s%n", in.format().description());
        out.printf(Locale.ROOT, "Model       %s: dim %d, %d layers, %d heads (%d kv, head_dim %d), ffn %d, vocab %d%s%n",
                c.name() == null ? "(unnamed)" : c.name(), c.dim(), c.nLayers(), c.nHeads(), c.nKvHeads(), c.headDim(),
                c.ffnHiddenDim(), c.vocabSize(), c.isOutputTied() ? ", tied output" : "");
        out.printf(Locale.ROOT, "MTA         %s%n", describe(c.mta(), c));
        out.printf(Locale.ROOT, "Tokenizer   %s%n", c.tokenizer().name() == null ? "unknown" : c.tokenizer().name());
        out.printf(Locale.ROOT, "Parameters  %,d%n%n", in.totalParameters());
        writeParameters(in.parameters(), out);
        out.println();
        out.println("Stage plan");
        for (LayerStages layer : in.layers()) {
            out.printf(Locale.ROOT, "  layer %-3d %s%n", layer.layer(), String.join(" > ", layer.stages()));
        }
        if (!in.kernels().isEmpty()) {
            out.println();
            writeKernels(in.kernels(), out);
        }
        for (String warning : in.warnings()) {
            out.println("warning: " + warning);
        }
        out.flush();
    }

    private static String describe(MtaConfig m, ModelConfig c) {
        if (!m.useMta()) {
            return "off";
        }
        StringBuilder s = new StringBuilder("on");
        m.preSoftmaxKernel().ifPresent(k -> s.append(", pre-softmax kernel ").append(k));
        m.postSoftmaxKernel().ifPresent(k -> s.append(", post-softmax kernel ").append(k));
        s.append(", pad_key ").append(m.padKey().id()).append(", layers ").append(c.keyQueryConvLayers());
        if (m.headKernelSize() != null) {
            s.append(", head_kernel_size ").append(m.headKernelSize());
        }
        if (m.preSmLinearHead()) {
            s.append(", wpsm");
        }
        if (m.postSmLinearHead()) {
            s.append(", wposm");
        }
        if (m.groupNorm()) {
            s.append(", group norm");
        }
        if (m.addGating()) {
            s.append(m.gate1d() ? ", 1-d gate" : ", gate");
        }
        return s.toString();
    }

    private static void writeParameters(List<ParameterRow> rows, PrintWriter out) {
        int nameWidth = Math.max(4, rows.stream().mapToInt(r -> r.name().length()).max().orElse(4));
        int shapeWidth = Math.max(5, rows.stream().mapToInt(r -> Arrays.toString(r.shape()).length()).max().orElse(5));
        String format = "%-" + nameWidth + "s  %-" + shapeWidth + "s  %-5s  %,14d  %12.5g%s%n";
        out.printf(Locale.ROOT, "%-" + nameWidth + "s  %-" + shapeWidth + "s  %-5s  %14s  %12s%n",
                "name", "shape", "dtype", "count", "l2 norm");
        for (ParameterRow r : rows) {
            out.printf(Locale.ROOT, format, r.name(), Arrays.toString(r.shape()), r.dtype(), r.count(), r.l2Norm(),
                    r.tied() ? "  (tied: the embedding)" : "");
        }
    }

    private static void writeKernels(List<KernelDrift> kernels, PrintWriter out) {
        int nameWidth = Math.max(6, kernels.stream().mapToInt(k -> k.name().length()).max().orElse(6));
        out.printf(Locale.ROOT, "%-" + nameWidth + "s  %12s  %22s%n", "kernel", "l2 norm", "distance from identity");
        for (KernelDrift k : kernels) {
            out.printf(Locale.ROOT, "%-" + nameWidth + "s  %12.5g  %22.5g%n", k.name(), k.norm(), k.distanceFromIdentity());
        }
    }
}
