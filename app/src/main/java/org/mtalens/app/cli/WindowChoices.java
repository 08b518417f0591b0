package org.mtalens.app.cli;

import java.util.List;
import java.util.Locale;
import org.mtalens.app.compare.ComparisonViewModel;
import org.mtalens.app.main.MainView;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;
import picocli.CommandLine.Option;

/**
 * {@code snapshot}'s choices of what the window shows: the tab, the selected cell, a text input, parts switched off
 * and the zoom of the selected stage's map.
 */
final class WindowChoices {
    /** The tabs by their command-line names, in the window's order. */
    static final List<String> TABS = List.of("pipeline", "before-after", "grid", "compare", "ablation", "change",
            "checkpoint");

    @Option(names = "--tab", paramLabel = "TAB", description = "the tab to show: pipeline (default), before-after, grid,"
            + " compare, ablation, change or checkpoint")
    String tab;

    @Option(names = "--cell", paramLabel = "Q,K", description = "select the cell of query Q and key K (K <= Q): the"
            + " inspector explains it and the reading panel follows query Q")
    String cell;

    @Option(names = "--text", paramLabel = "TEXT", description = "run this text, encoded with the checkpoint's tokenizer"
            + " (instead of --tokens)")
    String text;

    @Option(names = "--ablate", paramLabel = "PARTS", description = "switch these parts off and compare, e.g."
            + " L1.pre_sm_conv,L1.head0.post_sm_conv (shows the ablation tab unless --tab says otherwise)")
    String ablate;

    @Option(names = "--zoom", paramLabel = "X", defaultValue = "1", description = "zoom the selected stage's pipeline map"
            + " X times its fitted size, about the --cell (default: ${DEFAULT-VALUE}, the whole map)")
    double zoom;

    /** Checks what can be checked before a model is open. */
    void check(String tokens) {
        tabIndex();
        if (text != null && tokens != null) {
            throw new InvalidInputException("give --tokens or --text, not both");
        }
        if (!(zoom >= 1 && zoom <= 1000)) {
            throw new InvalidInputException("--zoom " + zoom + ": give 1..1000");
        }
        if (cell != null) {
            cell();
        }
    }

    /** @return the index of the tab to show */
    int tabIndex() {
        String name = tab != null ? tab : ablate != null ? "ablation" : "pipeline";
        int index = TABS.indexOf(name.toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new InvalidInputException("--tab " + ShownName.of(name) + ": give one of " + String.join(", ", TABS));
        }
        return index;
    }

    /** @return the tab's command-line name */
    String tabName() {
        return TABS.get(tabIndex());
    }

    /** @return the --cell as {query, key} */
    int[] cell() {
        String[] parts = cell.split(",");
        try {
            int q = Integer.parseInt(parts[0].trim());
            int k = Integer.parseInt(parts[1].trim());
            if (parts.length != 2 || k < 0 || k > q) {
                throw new NumberFormatException();
            }
            return new int[] {q, k};
        } catch (RuntimeException e) {
            throw new InvalidInputException("--cell " + ShownName.of(cell) + ": give QUERY,KEY with 0 <= KEY <= QUERY,"
                    + " e.g. 12,9");
        }
    }

    /** Runs the --text, if any (the model is open). */
    void runText(MainViewModel vm) {
        if (text != null) {
            vm.inputIsTextProperty().set(true);
            vm.inputProperty().set(text);
            vm.run();
            failOnError(vm);
        }
    }

    /** Selects the cell, switches the parts off and shows the tab (the input has run). */
    void apply(MainViewModel vm, ComparisonViewModel comparison, MainView view) {
        if (cell != null) {
            int[] qk = cell();
            int tokens = vm.traceProperty().get().length();
            if (qk[0] >= tokens) {
                throw new InvalidInputException("--cell " + cell + ": query " + qk[0] + " is beyond the input's "
                        + tokens + " tokens (0.." + (tokens - 1) + ")");
            }
            vm.cellProperty().set(new MainViewModel.SelectedCell(qk[0], qk[1]));
        }
        if (ablate != null) {
            comparison.ablationTextProperty().set(ablate);
            comparison.compareWithAblation();
            failOnError(vm);
        }
        view.centre().getSelectionModel().select(tabIndex());
    }

    private static void failOnError(MainViewModel vm) {
        if (vm.errorProperty().get() != null) {
            throw new InvalidInputException(vm.errorProperty().get().message());
        }
    }
}
