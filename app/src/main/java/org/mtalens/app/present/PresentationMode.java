package org.mtalens.app.present;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.mtalens.app.session.MainViewModel;
import org.mtalens.viz.colour.ColourMap;
import org.mtalens.viz.colour.ScaleSpec;
import org.mtalens.viz.heatmap.HeatmapView;

/**
 * Presentation mode, for a room: large fonts and thick lines ({@code presentation.css}), one view at a time (the
 * selected map filling the window, {@link PresentationView}; the outline, tabs and inspector hidden until it ends),
 * high-contrast labels, the colour-blind safe
 * palettes on every map (cividis for values that cannot be negative, ColorBrewer's blue-white-red for signed ones),
 * and the window full screen. Off restores what was there.
 */
public final class PresentationMode {
    /** The sequential colour map of presentation mode: made for colour-vision deficiency (Nunez et al. 2018). */
    public static final ColourMap SEQUENTIAL = ColourMap.CIVIDIS;
    /** The diverging colour map of presentation mode: ColorBrewer's colour-blind safe RdBu. */
    public static final ColourMap DIVERGING = ColourMap.BLUE_WHITE_RED;
    private static final String STYLESHEET = PresentationMode.class.getResource("presentation.css").toExternalForm();

    private final BorderPane window;
    private final BooleanProperty on = new SimpleBooleanProperty(false);
    private final Runnable repaint = this::recolourMaps;
    private final PresentationView view;
    private Node left;
    private Node right;
    private Node centre;

    /**
     * @param window the main window's root: its left and right columns are hidden and its centre shows one map while
     *               presenting
     */
    public PresentationMode(BorderPane window, MainViewModel vm) {
        this.window = window;
        this.view = new PresentationView(vm, on);
        window.centerProperty().addListener((o, before, now) -> {
            if (on.get() && now != view.node()) { // the window put another centre (a checkpoint opened): keep it for later
                centre = now;
                window.setCenter(view.node());
            }
        });
        on.addListener((o, was, is) -> {
            if (is) {
                enter();
            } else {
                leave();
            }
        });
    }

    /** @return View > Presentation mode (F11), ticked while on */
    public CheckMenuItem menuItem() {
        CheckMenuItem item = new CheckMenuItem("Presentation mode");
        item.setId("menu-presentation");
        item.setAccelerator(KeyCombination.keyCombination("F11"));
        item.selectedProperty().bindBidirectional(on);
        return item;
    }

    /** @return the one map shown while presenting (tests) */
    public HeatmapView map() {
        return view.map();
    }

    /** Whether presentation mode is on. */
    public BooleanProperty onProperty() {
        return on;
    }

    private void enter() {
        left = window.getLeft();
        right = window.getRight();
        centre = window.getCenter();
        window.setLeft(null);
        window.setRight(null);
        window.setCenter(view.node());
        window.getStylesheets().add(STYLESHEET);
        window.getStyleClass().add("presenting");
        Scene scene = window.getScene();
        if (scene != null) {
            scene.addPostLayoutPulseListener(repaint);
            if (scene.getWindow() instanceof Stage stage) {
                stage.setFullScreenExitHint("");
                stage.setFullScreen(true);
            }
        }
        recolourMaps();
    }

    private void leave() {
        window.setLeft(left);
        window.setRight(right);
        window.setCenter(centre);
        window.getStylesheets().remove(STYLESHEET);
        window.getStyleClass().remove("presenting");
        Scene scene = window.getScene();
        if (scene != null) {
            scene.removePostLayoutPulseListener(repaint);
            if (scene.getWindow() instanceof Stage stage) {
                stage.setFullScreen(false);
            }
        }
        forEachMap(window, map -> {
            if (map.getScaleSpec().sequential() == SEQUENTIAL) {
                map.setScaleSpec(map.getScaleSpec().withSequential(ScaleSpec.PER_MAP.sequential()));
            }
        });
    }

    /** Puts the colour-blind safe palettes on every map shown, including maps the views made since (after layout). */
    private void recolourMaps() {
        forEachMap(window, map -> {
            ScaleSpec spec = map.getScaleSpec();
            if (spec.sequential() != SEQUENTIAL || spec.diverging() != DIVERGING) {
                map.setScaleSpec(new ScaleSpec(spec.sharing(), spec.range(), SEQUENTIAL, DIVERGING, spec.scale()));
            }
        });
    }

    private static void forEachMap(Parent parent, java.util.function.Consumer<HeatmapView> action) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof HeatmapView map) {
                action.accept(map);
            } else if (child instanceof Parent p) {
                forEachMap(p, action);
            }
        }
    }
}
