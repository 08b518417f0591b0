package org.mtalens.runtime.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.export.ExportProvenance;
import org.mtalens.runtime.export.ExportTarget;
import org.mtalens.runtime.export.Npz;
import org.mtalens.runtime.export.NpyArray;
import org.mtalens.runtime.export.RunExport;
import org.mtalens.runtime.model.Ablation;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.ComputeDevice;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.model.RunRequest;
import org.mtalens.runtime.model.RunResult;
import org.mtalens.runtime.tokenizer.BosToken;
import org.mtalens.runtime.tokenizer.TokenizerLookup;
import org.mtalens.runtime.tokenizer.Tokenizers;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mta-lens run PATH (--tokens IDS | --text TEXT) [--ablate LIST]}: one forward pass (with parts of
 * the model optionally switched off, see {@link Ablation}), the top next-token predictions, optional greedy
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

    @ArgGroup(exclusive = true, multiplicity = "1")
    InputOptions input;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "tokenizer file (tokenizer.json or a tiktoken tokenizer.model), when it is not beside the checkpoint")
    Path tokenizerFile;

    @Option(names = "--no-bos", description = "do not put the tokenizer's BOS token before --text (training puts it there)")
    boolean noBos;

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

    @Option(names = "--export", paramLabel = "FILE.npz", description = {
            "write tokens, logits and layer{L}/{stage} [H,T,T] maps (atomically), with heads [H] (the model head of each",
            "map's first axis) and meta.json (checkpoint, labels, ablation, device, versions)"})
    Path export;

    @Option(names = "--allow-longer", description = "run an input longer than the checkpoint's max_seqlen (with a warning:"
            + " RoPE has no hard limit, but the model never saw those positions)")
    boolean allowLonger;

    @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu or auto (default: auto, or -Dmtalens.device)")
    String device;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    /** Exactly one way to give the input. */
    static final class InputOptions {
        @Option(names = "--tokens", paramLabel = "IDS", required = true, description = "raw token ids, e.g. 3,17,5")
        String tokens;

        @Option(names = "--text", paramLabel = "TEXT", required = true, description = "text, encoded with the checkpoint's tokenizer")
        String text;
    }

    @Override
    public Integer call() throws IOException {
        if (generate < 0 || top < 1) {
            throw new InvalidInputException("--generate must be >= 0 and --top >= 1");
        }
        if (export != null) {
            ExportTarget.check(export);
        }
        Checkpoint checkpoint = CheckpointLoader.load(path);
        Ablation ablation = Ablation.parse(ablate, checkpoint.config());
        CaptureSelection selection = SelectionOptions.parse(layers, stages, heads, checkpoint.config(), ablation);
        TokenizerLookup lookup = Tokenizers.forCheckpoint(checkpoint.config().tokenizer(), checkpoint.source().getParent(),
                Optional.ofNullable(tokenizerFile));
        ModelInput runInput = input.text != null
                ? ModelInput.ofText(input.text, lookup, noBos ? BosToken.OMIT : BosToken.ADD)
                : ModelInput.ofIds(input.tokens, checkpoint.config().vocabSize(), lookup.tokenizer());
        runInput.validateFor(checkpoint.config(), allowLonger);
        try (ModelRunner runner = ModelRunner.load(checkpoint, ComputeDevice.resolve(device))) {
            runner.allowLongerInputs(allowLonger);
            RunResult result = runner.run(new RunRequest(runInput.ids(), export == null ? CaptureSelection.none() : selection,
                    false, ablation));
            int[] generated = generate > 0 ? runner.generate(runInput.ids(), generate, ablation) : null;
            List<String> warnings = RunWarnings.of(checkpoint, result, runInput.ids().length + generate - 1);
            List<NpyArray> exported = export == null ? List.of() : export(checkpoint, result, selection, runInput, ablation,
                    warnings);
            RunReport report = new RunReport(checkpoint, runInput, result, generated, top, export, exported, lookup, ablation,
                    warnings);
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? report.json() : report.text());
            out.flush();
        }
        return 0;
    }

    /** Writes the npz: the run's arrays, {@code heads} and {@code meta.json} ({@link ExportProvenance}). */
    private List<NpyArray> export(Checkpoint checkpoint, RunResult result, CaptureSelection selection, ModelInput runInput,
                                  Ablation ablation, List<String> warnings) {
        ExportProvenance provenance = new ExportProvenance(checkpoint, selection, ablation, runInput.ids(), runInput.labels(),
                result.device(), warnings);
        List<NpyArray> arrays = new ArrayList<>(RunExport.arrays(result));
        arrays.add(provenance.headsArray());
        ExportTarget.write(export, out -> Npz.writeTo(out, arrays, provenance.files()));
        return arrays;
    }
}
