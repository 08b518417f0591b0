package org.mtalens.runtime.inspect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.mtalens.runtime.analysis.KernelSeries;
import org.mtalens.runtime.analysis.KernelSnapshot;
import org.mtalens.runtime.analysis.KernelTrack;

/**
 * The {@code kernels --json} object: {@code checkpoints} [{label, path}] and {@code kernels} [{layer, kind, head,
 * c_q, c_k, distances, norms, patterns, pattern, values}], where {@code distances}/{@code norms}/{@code patterns}
 * have one entry per checkpoint, {@code pattern} is the last one's, and {@code values} is [checkpoint][c_q][c_k].
 */
final class KernelSeriesJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KernelSeriesJson() {
    }

    static String toJson(KernelSeries series, List<Path> paths) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode checkpoints = root.putArray("checkpoints");
        for (int i = 0; i < series.labels().size(); i++) {
            checkpoints.addObject().put("label", series.labels().get(i)).put("path", paths.get(i).toString());
        }
        ArrayNode kernels = root.putArray("kernels");
        series.tracks().forEach(t -> kernels.add(track(t)));
        return root.toString();
    }

    private static ObjectNode track(KernelTrack track) {
        ObjectNode node = JSON.createObjectNode();
        node.put("layer", track.layer()).put("kind", track.kind()).put("head", track.head())
                .put("c_q", track.last().kernel().queryTaps()).put("c_k", track.last().kernel().keyTaps());
        ArrayNode distances = node.putArray("distances");
        ArrayNode norms = node.putArray("norms");
        ArrayNode patterns = node.putArray("patterns");
        ArrayNode values = node.putArray("values");
        for (KernelSnapshot s : track.snapshots()) {
            distances.add(s.distanceFromIdentity());
            norms.add(s.norm());
            patterns.add(s.pattern().id());
            ArrayNode rows = values.addArray();
            for (int r = 0; r < s.kernel().queryTaps(); r++) {
                ArrayNode row = rows.addArray();
                for (int c = 0; c < s.kernel().keyTaps(); c++) {
                    row.add(s.kernel().value(r, c));
                }
            }
        }
        node.put("pattern", track.last().pattern().id());
        return node;
    }
}
