package org.mtalens.app.figure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;

/** Which view a figure shows. */
public enum FigureKind {
    /** The selected layer and head's map at every stage. */
    PIPELINE("pipeline", "the pipeline"),
    /** The selected layer, head and stage's map. */
    MAP("map", "the map"),
    /** The selected layer's key-query kernels and head mixing. */
    INSPECTOR("inspector", "the kernels and head mixing"),
    /** One stage for every layer and head. */
    GRID("grid", "the model grid"),
    /** How much MTA changed each head's attention. */
    CHANGE("change", "the MTA-change strip");

    private final String id;
    private final String what;

    FigureKind(String id, String what) {
        this.id = id;
        this.what = what;
    }

    /** @return the name on the command line, e.g. {@code pipeline} */
    public String id() {
        return id;
    }

    /** @return what it is in words, e.g. "the model grid" */
    public String what() {
        return what;
    }

    /** @return the kind named {@code id}; an unknown name lists the kinds */
    public static FigureKind parse(String id, String option) {
        for (FigureKind k : values()) {
            if (k.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new InvalidInputException(option + " " + ShownName.of(id) + ": unknown figure; figures are "
                + Arrays.stream(values()).map(FigureKind::id).collect(Collectors.joining(", ")));
    }
}
