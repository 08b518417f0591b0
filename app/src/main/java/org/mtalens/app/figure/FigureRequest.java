package org.mtalens.app.figure;

import java.util.List;
import java.util.Objects;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.app.session.ModelSession;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.Stage;
import org.mtalens.runtime.model.Trace;

/**
 * What a figure is made from, taken from the window on the FX thread so that the figure is made in the background
 * from a state that no longer changes.
 *
 * @param kind        which view
 * @param session     the open checkpoint
 * @param trace       the run shown
 * @param tokenLabels [T] the visible label of each token
 * @param layer       the selected layer
 * @param head        the selected head
 * @param stage       the selected stage (for {@link FigureKind#GRID}, the grid's stage)
 */
public record FigureRequest(FigureKind kind, ModelSession session, Trace trace, List<String> tokenLabels, int layer,
                            int head, Stage stage) {
    public FigureRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(trace, "trace");
        tokenLabels = List.copyOf(tokenLabels);
        Objects.requireNonNull(stage, "stage");
    }

    /**
     * @param gridStage the stage the model grid shows (used by {@link FigureKind#GRID} only)
     * @return the request for {@code kind} from the window's state now
     * @throws InvalidInputException when nothing has been run yet
     */
    public static FigureRequest of(MainViewModel vm, FigureKind kind, Stage gridStage) {
        ModelSession session = vm.sessionProperty().get();
        Trace trace = vm.traceProperty().get();
        if (session == null || trace == null) {
            throw new InvalidInputException("no run to export: open a checkpoint and run an input first");
        }
        Stage stage = kind == FigureKind.GRID ? gridStage : vm.stageProperty().get();
        return new FigureRequest(kind, session, trace, vm.tokenLabels(), vm.layerProperty().get(),
                vm.headProperty().get(), stage);
    }
}
