package org.mtalens.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.ModelConfig;

class WeightEditParserTest {
    /** tiny: layer 0 has wpsm and head_kernel (c_h 2); layer 1 also 3x5 kernels before and after softmax. */
    private static final ModelConfig TINY = OfficialReferenceTest.safetensors("tiny").config();

    @TempDir
    Path folder;

    @Test
    void setItemsNameTheKernelAndGiveItsRowsInTheCheckpointsOrientation() {
        WeightEdits edits = WeightEditParser.parse(List.of("L1.pre_sm_conv.head2=[[0,0,0,0,0],[0,0,0,0,0],[0,1,0,0,0.5]]",
                "L0.head_kernel.group1=[[0,1],[1,0]]"), TINY);
        WeightEdit kernel = edits.find("L1.pre_sm_conv.head2").orElseThrow();
        assertThat(kernel.tensorKey()).isEqualTo("layers.1.attention.mta_kernel");
        assertThat(kernel.value(2, 4)).isEqualTo(0.5f);
        assertThat(edits.list()).extracting(WeightEdit::name).containsExactly("L0.head_kernel.group1", "L1.pre_sm_conv.head2");
        assertThat(edits.firstLayer()).hasValue(0);
    }

    @Test
    void aLaterEditOfTheSameNameWins() {
        WeightEdits edits = WeightEditParser.parse(List.of("L0.head_kernel.group0=[[1,0],[0,1]]",
                "L0.head_kernel.group0=[[2,0],[0,2]]"), TINY);
        assertThat(edits.list()).hasSize(1);
        assertThat(edits.list().get(0).value(0, 0)).isEqualTo(2f);
    }

    @Test
    void theJsonOfEditsReadsBackAsTheSameEdits() throws IOException {
        WeightEdits edits = WeightEditParser.parse(List.of("L1.wpsm=[[1,0,0,0],[0,1,0,0],[0,0,0.25,0],[0,0,0,-1]]",
                "L1.post_sm_conv.head0=[[0,0,0,0,0],[0,0,0,0,0],[0,0,1,0,0]]"), TINY);
        Path file = Files.writeString(folder.resolve("edits.json"), edits.json());
        assertThat(WeightEditParser.read(file, TINY)).isEqualTo(edits);
    }

    @Test
    void badNamesAndShapesAreRejectedNamingThem() {
        assertRejected("L1.pre_sm_conv.head4=[[0,0,0,0,0],[0,0,0,0,0],[0,0,1,0,0]]", "L1.pre_sm_conv.head4", "head 4 is out of range 0..3");
        assertRejected("L0.pre_sm_conv.head0=[[1]]", "L0.pre_sm_conv.head0", "layer 0 has no pre_sm_conv");
        assertRejected("L2.wpsm=[[1]]", "L2.wpsm", "layer 2 is out of range 0..1");
        assertRejected("L1.pre_sm_conv.head0=[[1,0],[0,1]]", "L1.pre_sm_conv.head0", "expected a 3 x 5 array, got 2 x 2");
        assertRejected("L1.wpsm=[[1,0,0,0],[0,1,0],[0,0,1,0],[0,0,0,1]]", "L1.wpsm", "ragged rows");
        assertRejected("L1.wposm=[[1]]", "L1.wposm", "layer 1 has no wposm");
        assertRejected("L1.kernel.head0=[[1]]", "L1.kernel.head0", "unknown weight 'kernel'");
        assertRejected("L1.wpsm.head0=[[1]]", "L1.wpsm.head0", "one matrix per layer");
        assertRejected("L0.head_kernel=[[1]]", "L0.head_kernel", "one group at a time");
        assertRejected("L0.head_kernel.group2=[[1,0],[0,1]]", "L0.head_kernel.group2", "group 2 is out of range 0..1");
        assertRejected("L1.wpsm=[[1,0,0,0],[0,1,0,0],[0,0,1,0],[0,0,0,NaN]]", "L1.wpsm", "not a finite number");
        assertRejected("L1.wpsm=[[1,0,0,0],[0,1,0,0],[0,0,1,0],[0,0,0,1e99]]", "L1.wpsm", "not a finite number");
        assertRejected("L1.wpsm=[[1,0,0,0],[0,1,0,0]", "L1.wpsm", "not a JSON array");
        assertRejected("L1.wpsm", "L1.wpsm", "NAME=[[...],...]");
    }

    @Test
    void aBadFileIsRejectedNamingTheFileAndTheEntry() throws IOException {
        Path file = Files.writeString(folder.resolve("edits.json"), "{\"L0.wpsm\": [[1,0],[0,1]]}");
        assertThatThrownBy(() -> WeightEditParser.read(file, TINY)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("edits.json").hasMessageContaining("'L0.wpsm'").hasMessageContaining("4 x 4");
        Path list = Files.writeString(folder.resolve("list.json"), "[1, 2]");
        assertThatThrownBy(() -> WeightEditParser.read(list, TINY)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("list.json").hasMessageContaining("JSON object");
    }

    private static void assertRejected(String item, String name, String problem) {
        assertThatThrownBy(() -> WeightEditParser.parse(List.of(item), TINY)).as(item)
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(name).hasMessageContaining(problem);
    }
}
