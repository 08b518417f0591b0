package org.mtalens.app.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mtalens.runtime.corpus.CorpusSummary;
import org.mtalens.runtime.corpus.Statistic;
import org.mtalens.runtime.corpus.TopCell;

/**
 * The corpus statistics window's state: the summary read (in the background), the statistic shown in the heat
 * strip, the selected head; what the tables show follows from them.
 */
public final class CorpusStatisticsViewModel {
    private final Executor background;
    private final Executor fxThread;
    private final CellOpener opener;
    private final ReadOnlyObjectWrapper<CorpusSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Statistic> statistic = new SimpleObjectProperty<>(Statistic.MTA_CHANGE);
    private final IntegerProperty layer = new SimpleIntegerProperty(0);
    private final IntegerProperty head = new SimpleIntegerProperty(0);

    public CorpusStatisticsViewModel(Executor background, Executor fxThread, CellOpener opener) {
        this.background = background;
        this.fxThread = fxThread;
        this.opener = opener;
    }

    /** Reads {@code file} in the background; a file that is not a summary becomes the status line. */
    public void open(Path file) {
        status.set("Reading " + file.getFileName() + " ...");
        CompletableFuture.supplyAsync(() -> CorpusSummary.read(file), background).whenCompleteAsync((read, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                status.set("Could not open " + file.getFileName() + ": " + cause.getMessage());
                return;
            }
            summary.set(read);
            status.set(read.documents() + " documents (" + read.failed() + " failed) · " + read.input() + " · " + read.checkpoint());
        }, fxThread);
    }

    /** @return the mean of the shown statistic at each head, NaN where no document has it */
    public double mean(int layer, int head) {
        return distribution(statistic.get(), layer, head).map(CorpusSummary.HeadDistribution::mean).orElse(Double.NaN);
    }

    /** @return the distribution of a statistic at a head */
    public Optional<CorpusSummary.HeadDistribution> distribution(Statistic s, int layer, int head) {
        return Optional.ofNullable(summary.get()).flatMap(r -> r.distribution(s, layer, head));
    }

    /** @return every statistic's distribution at the selected head, in the order of {@link Statistic} */
    public List<CorpusSummary.HeadDistribution> selectedDistributions() {
        return java.util.Arrays.stream(Statistic.values()).map(s -> distribution(s, layer.get(), head.get()))
                .flatMap(Optional::stream).toList();
    }

    /** @return the selected head's top cells, largest first */
    public List<TopCell> selectedCells() {
        return summary.get() == null ? List.of() : summary.get().topCells(layer.get(), head.get());
    }

    /** Selects a head of the strip. */
    public void select(int layer, int head) {
        this.layer.set(layer);
        this.head.set(head);
    }

    /** Opens a top cell's document in the main window at that layer, head and cell. */
    public void openCell(TopCell cell) {
        CorpusSummary shown = summary.get();
        if (shown == null) {
            return;
        }
        shown.document(cell.document()).ifPresentOrElse(document -> opener.open(shown.checkpoint(), document, cell),
                () -> status.set("The summary has no tokens for document " + cell.document()));
    }

    public ReadOnlyObjectProperty<CorpusSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<Statistic> statisticProperty() {
        return statistic;
    }

    public IntegerProperty layerProperty() {
        return layer;
    }

    public IntegerProperty headProperty() {
        return head;
    }
}
