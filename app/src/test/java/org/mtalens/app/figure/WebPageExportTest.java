package org.mtalens.app.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.SessionLoader;
import org.mtalens.app.testing.TestCheckpoints;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.html.PageHeader;
import org.mtalens.runtime.model.AttentionMap;
import org.mtalens.runtime.model.LayerMaps;
import org.mtalens.runtime.model.MapQuery;
import org.mtalens.runtime.model.Trace;

/** File > Export as web page: the page of the run the window shows. */
class WebPageExportTest {
    private static final Pattern BLOCK = Pattern.compile(
            "<script type=\"application/json\" (id=\"mta-header\"|class=\"mta-layer\")>(.*?)</script>", Pattern.DOTALL);
    private final Executor now = Runnable::run;
    private MainViewModel vm;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        vm.sessionProperty().get().close();
    }

    @Test
    void thePageHoldsEveryMapOfEveryLayerOfTheRunShownAndItsTokens() throws Exception {
        vm = new MainViewModel(SessionLoader.runtime(), now, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        Path page = dir.resolve("run.html");
        List<PageHeader> done = new ArrayList<>();

        WebPageExport.export(vm, page, done::add);

        assertThat(done).hasSize(1);
        assertThat(vm.errorProperty().get()).isNull();
        ObjectMapper json = new ObjectMapper();
        JsonNode header = null;
        List<JsonNode> layers = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(page));
        while (m.find()) {
            JsonNode node = json.readTree(m.group(2));
            if (m.group(1).startsWith("id")) {
                header = node;
            } else {
                layers.add(node);
            }
        }
        assertThat(header).isNotNull();
        List<String> labels = new ArrayList<>();
        header.get("tokens").forEach(t -> labels.add(t.asText()));
        assertThat(labels).isEqualTo(vm.tokenLabels());
        assertThat(layers).hasSize(2);

        Trace trace = vm.traceProperty().get();
        int compared = 0;
        for (JsonNode layer : layers) {
            LayerMaps run = trace.maps(layer.get("layer").asInt(), MapQuery.all(), () -> false);
            for (JsonNode map : layer.get("maps")) {
                AttentionMap expected = run.map(Stage.fromId(map.get("stage").asText()), map.get("head").asInt())
                        .orElseThrow();
                float[] values = floats(map.get("values").asText());
                assertThat(values).hasSize(24 * 24);
                for (int i = 0; i < values.length; i++) {
                    assertThat(values[i]).isCloseTo(expected.values()[i], within(1e-6f));
                }
                compared++;
            }
            assertThat(layer.get("maps")).hasSize(run.maps().size());
        }
        assertThat(compared).as("every stage of every head of both layers").isGreaterThan(2 * 4 * 3);
    }

    private static float[] floats(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
