package org.mtalens.runtime.export;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.mtalens.runtime.MtaLensVersion;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.CaptureSelection;
import org.mtalens.runtime.model.RunResult;

/**
 * What an exported run's npz says about itself, beside the fixture-named arrays ({@code tokens}, {@code logits},
 * {@code layer{L}/{stage}} [H, T, T]): {@code heads} [H] int64, the model head each map's first axis holds (so
 * {@code --heads 1,3} gives [2, T, T] and heads = [1, 3]), and {@code meta.json}, UTF-8 JSON: the checkpoint,
 * its format, the token ids and labels, the captured layers and stages, the ablation, the device, the
 * warnings, and the versions of MTA Lens, DJL and libtorch. numpy: {@code np.load(f)["heads"]},
 * {@code json.loads(np.load(f)["meta.json"])}.
 *
 * @param checkpoint the checkpoint that ran
 * @param result     the run
 * @param selection  what was captured
 * @param labels     one visible label per token
 * @param ablation   the parts switched off, in the {@code --ablate} syntax ("" for none)
 * @param warnings   what the run warned about
 */
public record ExportProvenance(Checkpoint checkpoint, RunResult result, CaptureSelection selection, List<String> labels,
                               String ablation, List<String> warnings) {
    /** The name of the JSON entry. */
    public static final String META_JSON = "meta.json";
    /** The name of the heads array. */
    public static final String HEADS = "heads";

    /** @return the heads the maps hold, in the order of their first axis: the chosen ones, or all */
    public long[] heads() {
        return IntStream.range(0, checkpoint.config().nHeads()).filter(selection::wantsHead).asLongStream().toArray();
    }

    /** @return the {@code heads} array */
    public NpyArray headsArray() {
        long[] heads = heads();
        return NpyArray.ofLongs(HEADS, heads, heads.length);
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
        meta.put("device", result.device());
        meta.put("ablation", ablation);
        meta.put("tokens", result.tokens());
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

    /** The captured stages of each layer, in forward order (what {@code layer{L}/{stage}} arrays exist). */
    private Map<String, List<String>> stagesByLayer() {
        Map<Integer, TreeSet<Integer>> byLayer = new TreeMap<>();
        for (AttentionMap map : result.maps()) {
            byLayer.computeIfAbsent(map.layer(), l -> new TreeSet<>()).add(map.stage().ordinal());
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        byLayer.forEach((layer, stages) -> {
            List<String> ids = new ArrayList<>();
            stages.forEach(s -> ids.add(org.mtalens.runtime.config.Stage.values()[s].id()));
            out.put(String.valueOf(layer), ids);
        });
        return out;
    }
}
