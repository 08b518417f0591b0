package org.mtalens.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.app.session.SessionLoader;
import org.mtalens.app.testing.TestCheckpoints;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.MapQuery;
import org.mtalens.runtime.model.Trace;

class MainViewModelTest {
    /** Work queued until the test lets it run, to see what happens in between. */
    private final Queue<Runnable> queued = new ArrayDeque<>();
    private final Executor later = queued::add;
    private final Executor now = Runnable::run;
    private MainViewModel vm;

    @TempDir
    Path dir;

    @AfterEach
    void closeSession() {
        if (vm != null && vm.sessionProperty().get() != null) {
            vm.sessionProperty().get().close();
        }
    }

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    @Test
    void openingACheckpointRunsItsExampleAndSelectsTheFirstMtaLayer() {
        vm = new MainViewModel(SessionLoader.runtime(), now, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        assertThat(vm.sessionProperty().get().name()).isEqualTo("tiny");
        assertThat(vm.layerProperty().get()).isEqualTo(1);
        assertThat(vm.traceProperty().get().length()).isEqualTo(24);
        assertThat(vm.map(Stage.PRE_SM_CONV)).isPresent();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void aBrokenCheckpointReportsTheProblemAndKeepsTheOpenModel() throws Exception {
        vm = new MainViewModel(SessionLoader.runtime(), now, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        var before = vm.traceProperty().get();
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("config.json"), "{\"dim\": 64, \"n_heads\": 0}");
        Files.write(broken.resolve("model.safetensors"), new byte[] {1, 2, 3});
        vm.open(broken);
        assertThat(vm.errorProperty().get().message()).contains("broken");
        assertThat(vm.sessionProperty().get().name()).isEqualTo("tiny");
        assertThat(vm.traceProperty().get()).isSameAs(before);
    }

    @Test
    void selectingACellAfterTheConvolutionExplainsItWithContributionsThatSumToIt() {
        vm = new MainViewModel(SessionLoader.runtime(), now, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        vm.stageProperty().set(Stage.POST_SM_CONV);
        vm.headProperty().set(2);
        vm.cellProperty().set(new MainViewModel.SelectedCell(10, 7));
        var explanation = vm.explanationProperty().get();
        assertThat(explanation.inputStage()).isEqualTo(Stage.SOFTMAX);
        assertThat(explanation.value()).isEqualTo(vm.map(Stage.POST_SM_CONV).orElseThrow().value(10, 7));
        assertThat(explanation.sum()).isCloseTo(explanation.value(), within(1e-5));
    }

    @Test
    void cancellingARunKeepsTheLastResultAndSaysCancelled() {
        vm = new MainViewModel(SessionLoader.runtime(), later, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        runQueued();
        var shown = vm.traceProperty().get();
        vm.inputProperty().set("1,2,3");
        vm.run();
        assertThat(vm.busyProperty().get()).isTrue();
        vm.cancel();
        runQueued();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled.");
        assertThat(vm.traceProperty().get()).isSameAs(shown);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void switchingLayerShowsNoOtherLayersMapsWhileItsOwnAreReplayed() {
        vm = new MainViewModel(SessionLoader.runtime(), later, later);
        vm.open(TestCheckpoints.fixture("tiny"));
        runQueued();
        var layerOne = vm.map(Stage.FINAL).orElseThrow();
        vm.layerProperty().set(0);
        assertThat(vm.layerMapsProperty().get()).as("layer 1's maps are let go before layer 0 is replayed").isNull();
        assertThat(vm.map(Stage.FINAL)).isEmpty();
        runQueued();
        var layerZero = vm.map(Stage.FINAL).orElseThrow();
        assertThat(layerZero.layer()).isEqualTo(0);
        assertThat(layerZero.values()).isNotEqualTo(layerOne.values());
    }

    @Test
    void anInputBeyondMaxSeqlenNamesTheAppsSwitchNotAFlagAndRunsOnceAllowed() {
        vm = new MainViewModel(SessionLoader.runtime(), now, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        vm.inputProperty().set(java.util.stream.IntStream.range(0, 65).mapToObj(i -> String.valueOf(i % 32))
                .collect(java.util.stream.Collectors.joining(",")));
        vm.run();
        assertThat(vm.errorProperty().get().message()).isEqualTo("the input has 65 tokens, more than max_seqlen 64"
                + " (Run > Allow inputs longer than max_seqlen runs it anyway)").doesNotContain("--");
        vm.clearError();
        vm.allowLongerInputs(true);
        vm.run();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.traceProperty().get().length()).isEqualTo(65);
    }

    @Test
    void theNewestRunWins() {
        vm = new MainViewModel(SessionLoader.runtime(), later, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        runQueued();
        vm.inputProperty().set("1,2,3");
        vm.run();
        vm.inputProperty().set("4,5,6,7");
        vm.run();
        runQueued();
        assertThat(vm.traceProperty().get().tokens()).containsExactly(4, 5, 6, 7);
    }

    @Test
    void inputThatIsNotTokenIdsIsNamedAndNothingRuns() {
        vm = new MainViewModel(SessionLoader.runtime(), now, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        var shown = vm.traceProperty().get();
        vm.inputProperty().set("3, 99");
        vm.run();
        assertThat(vm.errorProperty().get().message()).contains("the token at position 1 (99)");
        assertThat(vm.traceProperty().get()).isSameAs(shown);
    }

    @Test
    void textIsEncodedWithTheCheckpointsTokenizerAndItsTokensLabelTheMaps() {
        vm = new MainViewModel(SessionLoader.runtime(), now, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        assertThat(vm.sessionProperty().get().tokenizer().message()).contains("bytes");
        vm.inputIsTextProperty().set(true);
        vm.addBosProperty().set(false);
        vm.inputProperty().set("\u0003\n\u0005");
        vm.run();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.traceProperty().get().tokens()).containsExactly(3, 10, 5);
        assertThat(vm.tokenLabels()).hasSize(3).element(1).isEqualTo("⏎");
    }

    @Test
    void aChosenTokenizerFileReplacesTheTokenizerAndABadOneIsReportedWithoutLosingIt() throws Exception {
        vm = new MainViewModel(SessionLoader.runtime(), now, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        Path bad = dir.resolve("tokenizer.json");
        Files.writeString(bad, "{ not json");
        vm.useTokenizer(bad);
        assertThat(vm.errorProperty().get().message()).contains("tokenizer.json");
        assertThat(vm.sessionProperty().get().tokenizer().message()).contains("bytes");
        Path gzipped = Path.of("..", "model-runtime", "src", "test", "resources", "tokenizers", "gpt35turbo-tokenizer-json",
                "tokenizer.json.gz");
        Path json = Files.createDirectories(dir.resolve("good")).resolve("tokenizer.json");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gzipped))) {
            Files.copy(in, json);
        }
        vm.useTokenizer(json);
        assertThat(vm.sessionProperty().get().tokenizer().message()).contains(json.toString());
    }

    @Test
    void anAblationRunsBesideTheIntactRunFromItsFirstLayerAndABadItemIsNamed() {
        vm = new MainViewModel(SessionLoader.runtime(), now, now);
        var comparison = new org.mtalens.app.compare.ComparisonViewModel(vm, SessionLoader.runtime());
        vm.open(TestCheckpoints.fixture("tiny"));
        comparison.ablationTextProperty().set("L1.pre_sm_conv");
        comparison.compareWithAblation();
        var intact = vm.traceProperty().get();
        var ablated = comparison.comparedProperty().get();
        assertThat(comparison.labelProperty().get()).contains("L1.pre_sm_conv");
        assertThat(ablated.maps(1, MapQuery.all()).map(Stage.PRE_SM_CONV, 0)).isEmpty();
        assertThat(intact.maps(1, MapQuery.all()).map(Stage.PRE_SM_CONV, 0)).isPresent();
        assertThat(ablated.maps(1, MapQuery.all()).map(Stage.FINAL, 0).orElseThrow().values())
                .isNotEqualTo(intact.maps(1, MapQuery.all()).map(Stage.FINAL, 0).orElseThrow().values());
        assertThat(ablated.maps(0, MapQuery.all()).map(Stage.FINAL, 0).orElseThrow().values())
                .containsExactly(intact.maps(0, MapQuery.all()).map(Stage.FINAL, 0).orElseThrow().values());
        comparison.ablationTextProperty().set("L1.pre_sm_cnv");
        comparison.compareWithAblation();
        assertThat(vm.errorProperty().get().message()).contains("pre_sm_cnv");
    }

    // ---- input the window refuses at once (validated before anything is submitted) ----

    /** Opens tiny with queued work, runs its example, and returns the result it shows. */
    private Trace openTinyWithQueuedWork() {
        vm = new MainViewModel(SessionLoader.runtime(), later, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        runQueued();
        return vm.traceProperty().get();
    }

    /** Pastes {@code text} and runs it as the Run button does. */
    private void paste(String text) {
        vm.inputProperty().set(text);
        vm.run();
    }

    /** Refused before any work reaches the inference thread (no time is measured here: bench, not tests, time things). */
    private void assertRefusedAtOnce(Trace shown) {
        assertThat(vm.errorProperty().get().title()).isEqualTo("Cannot run this input");
        assertThat(queued).as("work submitted to the inference thread").isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.traceProperty().get()).isSameAs(shown);
    }

    private static String ids(int count) {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < count; i++) {
            ids.append(i == 0 ? "" : ",").append(i % 32);
        }
        return ids.toString();
    }

    @Test
    void aOneMegabytePasteOfTokenIdsIsRefusedAtOnceNamingMaxSeqlen() {
        Trace shown = openTinyWithQueuedWork();
        String paste = ids(400_000).substring(0, 1 << 20);
        paste(paste.substring(0, paste.lastIndexOf(',')));
        assertThat(vm.errorProperty().get().message()).contains("more than max_seqlen 64");
        assertRefusedAtOnce(shown);
    }

    @Test
    void aOneMegabytePasteOfTextIsRefusedAtOnceNamingMaxSeqlen() {
        Trace shown = openTinyWithQueuedWork();
        vm.inputIsTextProperty().set(true);
        vm.addBosProperty().set(false);
        paste("\u0001\u0002".repeat(1 << 19));
        assertThat(vm.errorProperty().get().message()).contains("1048576 tokens, more than max_seqlen 64");
        assertRefusedAtOnce(shown);
    }

    @Test
    void anEmptyInputIsRefusedWithAMessageInBothModes() {
        Trace shown = openTinyWithQueuedWork();
        paste("");
        assertThat(vm.errorProperty().get().message()).contains("no token ids");
        assertRefusedAtOnce(shown);
        vm.clearError();
        vm.inputIsTextProperty().set(true);
        vm.addBosProperty().set(false);
        paste("");
        assertThat(vm.errorProperty().get().message()).contains("the input is empty");
        assertRefusedAtOnce(shown);
    }

    @Test
    void oneTokenAboveMaxSeqlenIsRefusedAndExactlyMaxSeqlenRuns() {
        Trace shown = openTinyWithQueuedWork();
        paste(ids(65));
        assertThat(vm.errorProperty().get().message()).contains("the input has 65 tokens, more than max_seqlen 64");
        assertRefusedAtOnce(shown);
        vm.clearError();
        paste(ids(64));
        runQueued();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.traceProperty().get().length()).isEqualTo(64);
    }

    @Test
    void cancellingALoadKeepsTheOpenModel() {
        vm = new MainViewModel(SessionLoader.runtime(), later, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        runQueued();
        var shown = vm.traceProperty().get();
        vm.open(TestCheckpoints.fixture("tiny-linear-heads"));
        vm.cancel();
        runQueued();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled.");
        assertThat(vm.sessionProperty().get().name()).isEqualTo("tiny");
        assertThat(vm.traceProperty().get()).isSameAs(shown);
    }

    @Test
    void openingAnotherCheckpointDuringARunCancelsTheRunAndShowsOnlyTheNewModel() {
        vm = new MainViewModel(SessionLoader.runtime(), later, now);
        vm.open(TestCheckpoints.fixture("tiny"));
        runQueued();
        vm.inputProperty().set("1,2,3");
        vm.run();
        vm.open(TestCheckpoints.fixture("tiny-linear-heads"));
        runQueued();
        assertThat(vm.sessionProperty().get().name()).isEqualTo("tiny-linear-heads");
        assertThat(vm.traceProperty().get().tokens()).as("the new model's example, not the cancelled run")
                .containsExactly(org.mtalens.app.testing.TestCheckpoints.exampleTokens("tiny-linear-heads"));
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
