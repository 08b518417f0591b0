package org.mtalens.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.CheckpointLoader;

/** Every kind of the hostile corpus is refused with a message naming the file and the problem, cheaply. */
class HostileCheckpointTest {
    /**
     * The memory refusing a file may take: 16 MB (far below any size a hostile file declares; far above what
     * refusing a small one needs) plus 64 bytes per byte of the file (a budget in proportion to the file).
     */
    private static final long FLOOR_BYTES = 16L << 20;
    private static final long PER_FILE_BYTE = 64;

    @TempDir
    static Path root;
    private static List<HostileCheckpoints.Item> corpus;

    @BeforeAll
    static void writeCorpus() {
        corpus = HostileCheckpoints.writeAll(root);
    }

    static List<HostileCheckpoints.Item> corpus() {
        return corpus;
    }

    @Test
    void theCorpusHoldsAtLeastTwentyKinds() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAMessageNamingTheFileAndTheProblem(HostileCheckpoints.Item item) {
        assertThatThrownBy(() -> CheckpointLoader.load(item.checkpoint()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(item.namedFile().toString())
                .hasMessageContaining(item.problem());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void allocatesNothingNearWhatTheFileDeclaresOnlyABudgetInProportionToTheFile(HostileCheckpoints.Item item)
            throws java.io.IOException {
        long fileBytes = java.nio.file.Files.isRegularFile(item.namedFile()) ? java.nio.file.Files.size(item.namedFile()) : 0;
        assertThat(AllocatedBytes.during(() -> CheckpointLoader.load(item.checkpoint())))
                .isLessThan(FLOOR_BYTES + PER_FILE_BYTE * fileBytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theMessageIsAFewLinesWhateverTheFileHolds(HostileCheckpoints.Item item) {
        assertThatThrownBy(() -> CheckpointLoader.load(item.checkpoint()))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000 + item.namedFile().toString().length()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void runsNoCodeFromTheFile(HostileCheckpoints.Item item) {
        AllocatedBytes.during(() -> CheckpointLoader.load(item.checkpoint()));

        assertThat(HostileCheckpoints.marker(root)).doesNotExist();
    }
}
