package org.mtalens.runtime.export;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.mtalens.runtime.MtaLensVersion;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.AblatedPart;
import org.mtalens.runtime.model.Ablation;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.WeightEdits;

/**
 * What an exported run's npz says about itself, beside the fixture-named arrays ({@code tokens}, {@code logits},
 * {@code layer{L}/{stage}} [H, T, T]): {@code heads} [H] int64, the model head each map's first axis holds (so
 * {@code --heads 1,3} gives [2, T, T] and heads = [1, 3]), and {@code meta.json}, UTF-8 JSON: the checkpoint,
 * its format, the token ids and labels, the exported stages of each layer, the ablation, the device, the
 * warnings, and the versions of MTA Lens, DJL and libtorch. numpy: {@code np.load(f)["heads"]},
 * {@code json.loads(np.load(f)["meta.json"])}. Made from what the command knows before and after the pass, not
 * from the maps, so an export written layer by layer can carry it too.
 *
 * @param checkpoint the checkpoint that ran
 * @param selection  what is exported
 * @param ablation   the parts switched off
 * @param tokens     [T] the input ids
 * @param labels     [T] one visible label per token
 * @param device     the device it ran on
 * @param warnings   what the run warned about
 * @param edits      the weights replaced for the run (none for the checkpoint's own)
 */
public record ExportProvenance(Checkpoint checkpoint, CaptureSelection selection, Ablation ablation, int[] tokens,
                               List<String> labels, String device, List<String> warnings, WeightEdits edits) {
    /** The name of the JSON entry. */
    public static final String META_JSON = "meta.json";
    /** The name of the heads array. */
    public static final String HEADS = "heads";

    /** A run of the checkpoint's own weights. */
    public ExportProvenance(Checkpoint checkpoint, CaptureSelection selection, Ablation ablation, int[] tokens,
                            List<String> labels, String device, List<String> warnings) {
        this(checkpoint, selection, ablation, tokens, labels, device, warnings, WeightEdits.none());
    }

    public ExportProvenance {
        tokens = tokens.clone();
        labels = List.copyOf(labels);
        warnings = List.copyOf(warnings);
    }

    /** @return the heads the maps hold, in the order of their first axis: the chosen ones, or all */
    public long[] heads() {
        return IntStream.range(0, checkpoint.config().nHeads()).filter(selection::wantsHead).asLongStream().toArray();
    }

    /** @return the {@code heads} array */
    public NpyArray headsArray() {
        long[] heads = heads();
        return NpyArray.ofLongs(HEADS, heads, heads.length);
    }

    /** @return the edits as the {@code --set-file} JSON object (empty for none) */
    private Object editsJson() {
        try {
            return new ObjectMapper().readTree(edits.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the edits' own JSON did not parse", e);
        }
    }

    /** @return the {@code meta.json} document, UTF-8 */
    public byte[] json() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("mta_lens_version", MtaLensVersion.current());
        meta.put("djl_version", Engine.getDjlVersion());
        meta.put("libtorch_version", Engine.getEngine("PyTorch").getVersion());
        meta.put("written", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.put("checkpoint", checkpoint.source().toString());
        meta.put("checkpoint_format", checkpoint.format().name().toLowerCase(java.util.Locale.ROOT));
        meta.put("checkpoint_name", checkpoint.displayName());
        meta.put("device", device);
        meta.put("ablation", ablation.toString());
        meta.put("edits", editsJson());
        meta.put("tokens", tokens);
        meta.put("labels", labels);
        meta.put("heads", heads());
        meta.put("stages_by_layer", stagesByLayer());
        meta.put("warnings", warnings);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the entries to add to the npz: {@code meta.json} */
    public Map<String, byte[]> files() {
        return Map.of(META_JSON, json());
    }

    /** The exported stages of each layer that has any, in forward order: chosen, run by the layer, not switched off. */
    private Map<String, List<String>> stagesByLayer() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (heads().length == 0) {
            return out;
        }
        for (LayerPlan plan : checkpoint.config().layerPlans()) {
            List<String> stages = plan.stages().stream().filter(stage -> selection.wants(plan.layer(), stage)
                    && AblatedPart.skipping(stage).map(part -> !ablation.layerOff(plan.layer(), part)).orElse(true))
                    .map(Stage::id).toList();
            if (!stages.isEmpty()) {
                out.put(String.valueOf(plan.layer()), stages);
            }
        }
        return out;
    }
}
