package org.mtalens.runtime.inspect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.CheckpointFormat;
import org.mtalens.runtime.checkpoint.CheckpointLoader;
import org.mtalens.runtime.checkpoint.Tensor;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;
import org.mtalens.runtime.config.Stage;

/**
 * What {@code mta-lens inspect} shows about a checkpoint, as data the app can show too.
 *
 * @param source          the weights file
 * @param format          the layout found
 * @param config          the model arguments
 * @param parameters      every tensor in state-dict order
 * @param totalParameters elements of every distinct tensor (a tied output is the embedding: counted once)
 * @param layers          the stage plan of each layer
 * @param kernels         every MTA kernel and its distance from the identity initialisation
 * @param warnings        loading warnings (non-finite weights)
 */
public record CheckpointInspection(Path source, CheckpointFormat format, ModelConfig config,
                                   List<ParameterRow> parameters, long totalParameters, List<LayerStages> layers,
                                   List<KernelDrift> kernels, List<String> warnings) {
    private static final String TIED_OUTPUT = "output.tied_module.weight";
    private static final Pattern KERNEL_KEY = Pattern.compile(
            "layers\\.(\\d+)\\.attention\\.(mta_kernel|mta_kernel_after_sm|head_kernel|wpsm|wposm)(\\.weight)?");

    public CheckpointInspection {
        parameters = List.copyOf(parameters);
        layers = List.copyOf(layers);
        kernels = List.copyOf(kernels);
        warnings = List.copyOf(warnings);
    }

    /** Loads and inspects the checkpoint at {@code path} (folder, {@code consolidated/} or weights file). */
    public static CheckpointInspection inspect(Path path) {
        return of(CheckpointLoader.load(path));
    }

    /** Inspects a loaded checkpoint: one pass over every tensor's values. */
    public static CheckpointInspection of(Checkpoint checkpoint) {
        ModelConfig config = checkpoint.config();
        List<ParameterRow> rows = new ArrayList<>();
        List<KernelDrift> kernels = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Tensor> e : checkpoint.tensors().entrySet()) {
            Tensor t = e.getValue();
            boolean tied = config.isOutputTied() && e.getKey().equals(TIED_OUTPUT);
            double norm = TensorValues.l2Norm(t);
            rows.add(new ParameterRow(e.getKey(), t.shape(), t.dtype(), t.elementCount(), norm, tied));
            total += tied ? 0 : t.elementCount();
            Matcher kernel = KERNEL_KEY.matcher(e.getKey());
            if (kernel.matches()) {
                kernels.add(new KernelDrift(e.getKey(), Integer.parseInt(kernel.group(1)), kernel.group(2), norm,
                        IdentityInit.distance(kernel.group(2), t, config.mta().padKey())));
            }
        }
        return new CheckpointInspection(checkpoint.source(), checkpoint.format(), config, rows, total,
                stagePlan(config), kernels, checkpoint.warnings());
    }

    private static List<LayerStages> stagePlan(ModelConfig config) {
        List<LayerStages> layers = new ArrayList<>();
        for (LayerPlan plan : config.layerPlans()) {
            layers.add(new LayerStages(plan.layer(), plan.stages().stream().map(Stage::id).toList()));
        }
        return layers;
    }
}
