package org.mtalens.runtime.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.export.ExportProvenance;
import org.mtalens.runtime.export.ExportTarget;
import org.mtalens.runtime.export.TraceExport;
import org.mtalens.runtime.model.Ablation;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.ComputeDevice;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.LogitRows;
import org.mtalens.runtime.model.PassProgress;
import org.mtalens.runtime.model.Trace;
import org.mtalens.runtime.model.TraceRequest;
import org.mtalens.runtime.model.WeightEditParser;
import org.mtalens.runtime.model.WeightEdits;
import org.mtalens.runtime.tokenizer.TokenizerLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mta-lens run PATH (--tokens IDS | --text TEXT) [--ablate LIST] [--set NAME=ARRAY]...}: one forward pass
 * (with parts of the model optionally switched off, see {@link Ablation}, or weights replaced, see {@link WeightEdits}), the top next-token predictions, optional greedy
 * generation, and an npz export of the captured maps.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a checkpoint on an input; print the top next-token predictions and export maps.",
                "Stages: scores, pre_sm_conv, pre_sm_head_mix, softmax, post_sm_conv, post_sm_head_conv, post_sm_head_mix, final."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "checkpoint folder, its consolidated/ folder, or the weights file")
    Path path;

    @Mixin
    InputOptions input;

    @Option(names = "--layers", paramLabel = "LIST", defaultValue = "all", description = "layers to capture: all or e.g. 0,2")
    String layers;

    @Option(names = "--stages", paramLabel = "LIST", defaultValue = "all", description = "stages to capture: all or e.g. scores,final")
    String stages;

    @Option(names = "--heads", paramLabel = "LIST", defaultValue = "all", description = "heads to capture: all or e.g. 0,3")
    String heads;

    @Option(names = "--generate", paramLabel = "N", defaultValue = "0", description = "greedily generate N tokens after the input")
    int generate;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "how many next-token predictions to show")
    int top;

    @Option(names = "--ablate", paramLabel = "LIST", defaultValue = "", description = {
            "switch parts of the model off for this run (weights on disk untouched), comma-separated:",
            "  L<layer>.<part>  part: pre_sm_conv, post_sm_conv, pre_sm_head_mix, post_sm_head_mix (or post_sm_head_conv), group_norm, gate",
            "  L<layer>.head<h>.pre_sm_conv / .post_sm_conv  that head's kernel becomes the identity kernel",
            "  L<layer>.head<h>  the whole head is zeroed (its final weights are 0)",
            "e.g. \"L1.pre_sm_conv,L3.head2.post_sm_conv,L0.gate\"; a switched-off stage is skipped and not exported; "
                    + "applies to --generate too"})
    String ablate;

    @Option(names = "--set", paramLabel = "NAME=ARRAY", description = {
            "replace a weight for this run (weights on disk untouched; repeatable; applies to --generate too):",
            "  L<layer>.pre_sm_conv.head<h> / L<layer>.post_sm_conv.head<h>  a c_q x c_k key-query kernel",
            "  L<layer>.wpsm / L<layer>.wposm  an H x H head-mixing matrix [destination][source]",
            "  L<layer>.head_kernel.group<g>  a c_h x c_h head kernel [source][destination]",
            "as JSON rows in the checkpoint's orientation, e.g. \"L1.pre_sm_conv.head0=[[0,0,0],[0,1,0]]\""})
    List<String> sets = new java.util.ArrayList<>();

    @Option(names = "--set-file", paramLabel = "FILE.json", description = {
            "replace weights as --set does, from a JSON object NAME -> rows (a --set of the same name wins)"})
    Path setFile;

    @Option(names = "--export", paramLabel = "FILE.npz", description = {
            "write tokens, logits and layer{L}/{stage} [H,T,T] maps (atomically), with heads [H] (the model head of each",
            "map's first axis) and meta.json (checkpoint, labels, ablation, device, versions); layer by layer: memory",
            "holds one layer's selected maps at a time"})
    Path export;

    @Option(names = "--allow-longer", description = "run an input longer than the checkpoint's max_seqlen (with a warning:"
            + " RoPE has no hard limit, but the model never saw those positions)")
    boolean allowLonger;

    @Option(names = "--logits", paramLabel = "all|last", defaultValue = "all", description = {
            "logits to export: all positions [T,V] (default) or the last [1,V] with logit_positions",
            "  (at a vocabulary of 128,256 and T=2048 all are 1 GB)"})
    String logits;

    @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu or auto (default: auto, or -Dmtalens.device)")
    String device;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (generate < 0 || top < 1) {
            throw new InvalidInputException("--generate must be >= 0 and --top >= 1");
        }
        if (export != null) {
            ExportTarget.check(export);
        }
        boolean allLogits = switch (logits.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> true;
            case "last" -> false;
            default -> throw new InvalidInputException("--logits must be all or last, not '" + logits + "'");
        };
        Checkpoint checkpoint = CheckpointLoader.load(path);
        Ablation ablation = Ablation.parse(ablate, checkpoint.config());
        WeightEdits edits = editsOf(checkpoint);
        CaptureSelection selection = SelectionOptions.parse(layers, stages, heads, checkpoint.config(), ablation);
        TokenizerLookup lookup = input.tokenizer(checkpoint);
        ModelInput runInput = input.read(checkpoint, lookup);
        runInput.validateFor(checkpoint.config(), allowLonger);
        try (ModelRunner runner = ModelRunner.load(checkpoint, ComputeDevice.resolve(device))) {
            runner.allowLongerInputs(allowLonger);
            Trace result = runner.trace(new TraceRequest(runInput.ids(), ablation, LogitRows.last(), CaptureSelection.none(),
                    edits), PassProgress.NONE);
            int[] generated = generate > 0 ? runner.generate(runInput.ids(), generate, ablation, edits, PassProgress.NONE)
                    : null;
            List<String> warnings = RunWarnings.of(checkpoint, result, runInput.ids().length + generate - 1);
            List<TraceExport.Entry> exported = export == null ? List.of() : TraceExport.write(result, selection, allLogits,
                    new ExportProvenance(checkpoint, selection, ablation, runInput.ids(), runInput.labels(), result.device(),
                            warnings, edits), export);
            RunReport report = new RunReport(checkpoint, runInput, result, generated, top, export, exported, lookup, ablation,
                    edits, warnings);
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? report.json() : report.text());
            out.flush();
        }
        return 0;
    }

    /** @return the edits of {@code --set-file}, then of each {@code --set} (a later one of a name wins) */
    private WeightEdits editsOf(Checkpoint checkpoint) {
        WeightEdits fromFile = setFile == null ? WeightEdits.none() : WeightEditParser.read(setFile, checkpoint.config());
        return fromFile.and(WeightEditParser.parse(sets, checkpoint.config()));
    }
}
