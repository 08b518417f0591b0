package org.mtalens.runtime.html;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.model.ComputeDevice;
import org.mtalens.runtime.model.ModelRunner;
import org.mtalens.runtime.run.InputOptions;
import org.mtalens.runtime.run.ModelInput;
import org.mtalens.runtime.run.SelectionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mta-lens html CKPT (--tokens IDS | --text TEXT) [--layers LIST] [--max-cells N] --out FILE.html}: a run's
 * maps, kernels and head mixings as one web page that any browser opens without a server or a network.
 */
@Command(name = "html", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a checkpoint on an input and write its maps as one self-contained web page (no server, no network):",
                "every stage of the chosen layers with hover values and token labels, the kernels and head mixings, "
                        + "layer/stage/head selectors. Maps longer than --max-cells tokens are max-|value| pooled."})
public final class HtmlCommand implements Callable<Integer> {
    private static final int MAX_CELLS_LIMIT = 4096;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CKPT", description = "checkpoint folder, its consolidated/ folder, or the weights file")
    Path path;

    @Mixin
    InputOptions input;

    @Option(names = "--layers", paramLabel = "LIST", defaultValue = "all", description = "layers on the page: all or e.g. 0,2")
    String layers;

    @Option(names = "--max-cells", paramLabel = "N", defaultValue = "" + HtmlExport.DEFAULT_MAX_CELLS,
            description = "at most N x N cells per map: longer inputs are pooled, each cell keeping the value of largest "
                    + "|value| of the tokens it covers (default: ${DEFAULT-VALUE})")
    int maxCells;

    @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu or auto (default: auto, or -Dmtalens.device)")
    String device;

    @Option(names = "--out", paramLabel = "FILE.html", required = true, description = "the page to write (atomically)")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (maxCells < 2 || maxCells > MAX_CELLS_LIMIT) {
            throw new InvalidInputException("--max-cells " + maxCells + ": give 2.." + MAX_CELLS_LIMIT);
        }
        Checkpoint checkpoint = CheckpointLoader.load(path);
        ModelInput runInput = input.read(checkpoint, input.tokenizer(checkpoint));
        List<Integer> chosen = SelectionOptions.layers(layers, checkpoint.config());
        PageHeader page;
        try (ModelRunner runner = ModelRunner.load(checkpoint, ComputeDevice.resolve(device))) {
            page = HtmlExport.write(runner, runInput, chosen, maxCells, out, () -> false, share -> { });
        }
        PrintWriter console = spec.commandLine().getOut();
        console.println(summary(page));
        console.flush();
        return 0;
    }

    private String summary(PageHeader page) throws IOException {
        int factor = MapPooling.factor(page.tokens(), page.maxCells());
        int maps = page.layers().stream().mapToInt(plan -> plan.stages().size() * page.heads()).sum();
        String pooling = factor == 1 ? "not pooled" : String.format("pooled %dx%d to %d x %d cells", factor, factor,
                (page.tokens() + factor - 1) / factor, (page.tokens() + factor - 1) / factor);
        return String.format("wrote %s (%.1f KB): %d layers, %d maps of %d tokens (%s)", out, Files.size(out) / 1024.0,
                page.layers().size(), maps, page.tokens(), pooling);
    }
}
