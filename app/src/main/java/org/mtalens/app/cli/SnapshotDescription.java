package org.mtalens.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.runtime.export.ExportTarget;
import org.mtalens.viz.colour.ColourScale;
import org.mtalens.viz.colour.ScaleLegend;
import org.mtalens.viz.grid.GridCell;
import org.mtalens.viz.grid.ModelGridView;
import org.mtalens.viz.heatmap.HeatmapView;

/**
 * The description written beside a snapshot's PNG ({@code FILE.json}): the checkpoint, the tokens, what is selected,
 * and for each map drawn its layer, head and stage, its colour scale (kind, colour map, the value range the colours
 * span, who shares it), the data's min and max and the cells drawn clipped.
 */
final class SnapshotDescription {
    private static final Pattern TITLE = Pattern.compile("layer (\\d+) · head (\\d+) · (\\w+)");

    private SnapshotDescription() {
    }

    /** @return {@code picture.png} → {@code picture.json}, beside it */
    static Path beside(Path png) {
        String name = png.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return png.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    /** Writes the description of the window's {@code shown} tab content. */
    static void write(Path file, MainViewModel vm, String tab, Node shown, String gridStage, double zoom)
            throws IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        var session = vm.sessionProperty().get();
        d.put("checkpoint", session.checkpoint().source().toString());
        d.put("name", session.name());
        d.put("tokens", vm.traceProperty().get() == null ? List.of() : toList(vm.traceProperty().get().tokens()));
        d.put("token_labels", vm.tokenLabels());
        d.put("tab", tab);
        d.put("layer", vm.layerProperty().get());
        d.put("head", vm.headProperty().get());
        d.put("stage", vm.stageProperty().get().id());
        MainViewModel.SelectedCell cell = vm.cellProperty().get();
        d.put("cell", cell == null ? null : List.of(cell.query(), cell.key()));
        d.put("zoom", zoom);
        d.put("maps", maps(shown, gridStage));
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(d);
        ExportTarget.write(file, stream -> stream.write(json));
    }

    private static List<Integer> toList(int[] ids) {
        List<Integer> out = new ArrayList<>();
        for (int id : ids) {
            out.add(id);
        }
        return out;
    }

    /** @return one entry per map drawn: every visible heatmap, every grid thumbnail */
    private static List<Map<String, Object>> maps(Node shown, String gridStage) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node n : shown.lookupAll(".heatmap")) {
            if (n instanceof HeatmapView map && map.getMatrix() != null && map.isVisible()
                    && map.legendProperty().get() != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("view", map.getId());
                m.put("title", map.getMatrix().title());
                Matcher t = TITLE.matcher(map.getMatrix().title());
                if (t.find()) {
                    m.put("layer", Integer.parseInt(t.group(1)));
                    m.put("head", Integer.parseInt(t.group(2)));
                    m.put("stage", t.group(3));
                }
                colours(m, map.legendProperty().get());
                if (map.getViewport() != null) {
                    m.put("pixels_per_cell", map.getViewport().pixelsPerCell());
                }
                out.add(m);
            }
        }
        for (Node n : shown.lookupAll(".model-grid")) {
            if (n instanceof ModelGridView grid) {
                out.addAll(thumbnails(grid, gridStage));
            }
        }
        return out;
    }

    private static List<Map<String, Object>> thumbnails(ModelGridView grid, String stage) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node n : grid.lookupAll(".grid-thumb")) {
            Matcher id = Pattern.compile("thumb-(\\d+)-(\\d+)").matcher(String.valueOf(n.getId()));
            if (!id.matches()) {
                continue;
            }
            GridCell cell = new GridCell(Integer.parseInt(id.group(1)), Integer.parseInt(id.group(2)));
            ScaleLegend legend = grid.legendOf(cell);
            if (legend != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("view", n.getId());
                m.put("layer", cell.layer());
                m.put("head", cell.head());
                m.put("stage", stage);
                colours(m, legend);
                out.add(m);
            }
        }
        return out;
    }

    private static void colours(Map<String, Object> m, ScaleLegend legend) {
        ColourScale s = legend.scale();
        m.put("scale", legend.kind());
        m.put("colour_map", s.map().name().toLowerCase(Locale.ROOT));
        m.put("transform", s.scale().name().toLowerCase(Locale.ROOT));
        m.put("colour_range", List.of(s.min(), s.max()));
        m.put("shared_by", legend.sharedBy());
        m.put("data_min", Double.isNaN(legend.dataMin()) ? null : legend.dataMin());
        m.put("data_max", Double.isNaN(legend.dataMax()) ? null : legend.dataMax());
        m.put("clipped_below", legend.clippedBelow());
        m.put("clipped_above", legend.clippedAbove());
    }
}
