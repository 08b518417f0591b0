package org.mtalens.runtime.html;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.model.AttentionMap;

/**
 * Writes the self-contained web page of a run as its maps arrive, one layer at a time: the template and the header
 * first, then per layer its pooled maps and its kernels in one data block, then the script that draws them.
 * Holds nothing of a layer once it is written. Call {@link #finish()} after the last layer.
 */
public final class HtmlPageWriter implements LayerMapsSink {
    private final Writer out;
    private final PageHeader header;
    private final Checkpoint checkpoint;
    private final PageTemplate template = PageTemplate.load();
    private final Set<Integer> written = new HashSet<>();

    /** Starts the page on {@code out}: writes everything up to the first layer. */
    public HtmlPageWriter(Writer out, PageHeader header, Checkpoint checkpoint) throws IOException {
        this.out = out;
        this.header = header;
        this.checkpoint = checkpoint;
        out.write(template.before("MTA Lens · " + header.checkpoint() + " · " + header.tokens() + " tokens"));
        out.write("<script type=\"application/json\" id=\"mta-header\">" + PageJson.header(header) + "</script>\n");
    }

    @Override
    public void layer(int layer, List<AttentionMap> maps) throws IOException {
        LayerPlan plan = header.layers().stream().filter(p -> p.layer() == layer).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("layer " + layer + " is not one of the page's layers"));
        if (written.contains(layer)) {
            throw new IllegalStateException("layer " + layer + " was written already");
        }
        List<PooledMap> pooled = new ArrayList<>(maps.size());
        for (AttentionMap map : maps) {
            if (map.layer() != layer || !plan.runs(map.stage()) || map.tokens() != header.tokens()) {
                throw new IllegalArgumentException("map of layer " + map.layer() + ", stage " + map.stage() + ", "
                        + map.tokens() + " tokens does not belong to layer " + layer + " of this page");
            }
            pooled.add(MapPooling.pool(map, header.maxCells()));
        }
        out.write("<script type=\"application/json\" class=\"mta-layer\">"
                + PageJson.layer(layer, pooled, LayerMatrices.of(checkpoint, layer)) + "</script>\n");
        written.add(layer);
    }

    /** Ends the page: the script that draws it. Every layer of the header must have been written. */
    public void finish() throws IOException {
        for (LayerPlan plan : header.layers()) {
            if (!written.contains(plan.layer())) {
                throw new IllegalStateException("layer " + plan.layer() + " of the page was never written");
            }
        }
        out.write(template.after());
        out.flush();
    }
}
