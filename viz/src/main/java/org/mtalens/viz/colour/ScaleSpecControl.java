package org.mtalens.viz.colour;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;

/**
 * The colour controls a user needs, bound to one {@link ScaleSpec}: which maps share the scale (the choices a view
 * offers), the range (the data's, a percentile of |value|, or typed min and max), the sequential colour map and the
 * transform. A number that does not parse (or a typed range with min >= max) is marked with the style class
 * {@code invalid} and changes nothing. Wraps onto more lines when narrow. Style class {@code scale-spec-control};
 * ids {@code scale-sharing}, {@code scale-range}, {@code scale-percentile}, {@code scale-min}, {@code scale-max},
 * {@code scale-map}, {@code scale-transform}.
 */
public class ScaleSpecControl extends FlowPane {
    private enum RangeKind { DATA, PERCENTILE, TYPED }

    private final ObjectProperty<ScaleSpec> spec = new SimpleObjectProperty<>(this, "spec");
    private final ChoiceBox<ScaleSharing> sharing = new ChoiceBox<>();
    private final ChoiceBox<RangeKind> range = new ChoiceBox<>(FXCollections.observableArrayList(RangeKind.values()));
    private final TextField percentile = field("scale-percentile", "99", 4);
    private final TextField min = field("scale-min", "", 6);
    private final TextField max = field("scale-max", "", 6);
    private final ChoiceBox<ColourMap> map = new ChoiceBox<>(FXCollections.observableArrayList(ColourMap.VIRIDIS,
            ColourMap.CIVIDIS, ColourMap.MAGMA, ColourMap.GREY));
    private final ChoiceBox<Scale> transform = new ChoiceBox<>(FXCollections.observableArrayList(Scale.values()));
    private boolean updating;

    /**
     * @param initial  the spec shown first
     * @param sharings the sharing choices this view offers, e.g. PER_MAP, LAYER, ALL
     */
    public ScaleSpecControl(ScaleSpec initial, List<ScaleSharing> sharings) {
        super(6, 4);
        getStyleClass().add("scale-spec-control");
        setAlignment(Pos.CENTER_LEFT);
        sharing.getItems().setAll(sharings);
        sharing.setId("scale-sharing");
        range.setId("scale-range");
        map.setId("scale-map");
        transform.setId("scale-transform");
        sharing.setConverter(text(s -> switch (s) {
            case PER_MAP -> "each map";
            case LAYER -> "all heads of a layer";
            case ALL -> "all maps";
        }));
        range.setConverter(text(r -> switch (r) {
            case DATA -> "data range";
            case PERCENTILE -> "clip at percentile";
            case TYPED -> "typed range";
        }));
        map.setConverter(text(m -> m.name().toLowerCase(Locale.ROOT)));
        transform.setConverter(text(s -> s.name().toLowerCase(Locale.ROOT)));
        getChildren().addAll(new Label("scale shared by"), sharing, range, percentile, min, max, new Label("colours"),
                map, transform);
        show(initial);
        spec.set(initial);
        spec.addListener((o, a, b) -> show(b));
        sharing.valueProperty().addListener((o, a, b) -> update());
        range.valueProperty().addListener((o, a, b) -> update());
        map.valueProperty().addListener((o, a, b) -> update());
        transform.valueProperty().addListener((o, a, b) -> update());
        for (TextField f : new TextField[] {percentile, min, max}) {
            f.setOnAction(e -> update());
            f.focusedProperty().addListener((o, a, focused) -> {
                if (!focused) {
                    update();
                }
            });
        }
    }

    @Override
    public String getUserAgentStylesheet() {
        return ScaleSpecControl.class.getResource("/org/mtalens/viz/scale-spec-control.css").toExternalForm();
    }

    /** The spec the controls show; set it to show another. */
    public ObjectProperty<ScaleSpec> specProperty() {
        return spec;
    }

    private static TextField field(String id, String text, int columns) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(columns);
        return f;
    }

    private static <T> StringConverter<T> text(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private void show(ScaleSpec s) {
        updating = true;
        sharing.setValue(s.sharing());
        map.setValue(s.sequential());
        transform.setValue(s.scale());
        if (s.range() instanceof RangeRule.Percentile p) {
            range.setValue(RangeKind.PERCENTILE);
            percentile.setText(Ticks.format(p.percent()));
        } else if (s.range() instanceof RangeRule.Typed t) {
            range.setValue(RangeKind.TYPED);
            min.setText(Double.toString(t.min()));
            max.setText(Double.toString(t.max()));
        } else {
            range.setValue(RangeKind.DATA);
        }
        showFields();
        updating = false;
    }

    /** Shows the percentile field or the min and max fields, as the range choice needs. */
    private void showFields() {
        percentile.setVisible(range.getValue() == RangeKind.PERCENTILE);
        percentile.setManaged(percentile.isVisible());
        min.setVisible(range.getValue() == RangeKind.TYPED);
        min.setManaged(min.isVisible());
        max.setVisible(min.isVisible());
        max.setManaged(min.isVisible());
    }

    private void update() {
        if (updating) {
            return;
        }
        showFields();
        RangeRule rule = rule();
        for (TextField f : new TextField[] {percentile, min, max}) {
            f.getStyleClass().remove("invalid");
        }
        if (rule == null) {
            (range.getValue() == RangeKind.PERCENTILE ? percentile : min).getStyleClass().add("invalid");
            if (range.getValue() == RangeKind.TYPED) {
                max.getStyleClass().add("invalid");
            }
            return;
        }
        spec.set(new ScaleSpec(sharing.getValue(), rule, map.getValue(), spec.get().diverging(), transform.getValue()));
        show(spec.get());
    }

    /** @return the range the fields describe, or null when a number does not parse or is out of range */
    private RangeRule rule() {
        try {
            return switch (range.getValue()) {
                case DATA -> RangeRule.full();
                case PERCENTILE -> RangeRule.percentile(Double.parseDouble(percentile.getText().trim()));
                case TYPED -> RangeRule.typed(Double.parseDouble(min.getText().trim()),
                        Double.parseDouble(max.getText().trim()));
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
