package org.mtalens.runtime.checkpoint;

/** The on-disk layouts MTA Lens reads (docs/ARCHITECTURE.md, "Checkpoints"). */
public enum CheckpointFormat {
    /** {@code consolidated/consolidated.pth} + {@code consolidated/params.json}, as the official training writes. */
    OFFICIAL_PTH("official (consolidated.pth + params.json)"),
    /** {@code model.safetensors} + {@code config.json}. */
    SAFETENSORS("safetensors (model.safetensors + config.json)");

    private final String description;

    CheckpointFormat(String description) {
        this.description = description;
    }

    /** @return how the format is shown to users */
    public String description() {
        return description;
    }
}
