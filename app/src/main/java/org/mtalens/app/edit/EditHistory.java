package org.mtalens.app.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import org.mtalens.runtime.model.WeightEdits;

/** Undo and redo of the editor's edits: each change keeps the edits before it. */
final class EditHistory {
    private final Deque<WeightEdits> undo = new ArrayDeque<>();
    private final Deque<WeightEdits> redo = new ArrayDeque<>();

    /** Remembers {@code before} as the state to go back to; a new change forgets what could be redone. */
    void changed(WeightEdits before) {
        undo.push(before);
        redo.clear();
    }

    /** @return the edits before the last change ({@code current} kept for redo), or {@code current} when there is none */
    WeightEdits undo(WeightEdits current) {
        if (undo.isEmpty()) {
            return current;
        }
        redo.push(current);
        return undo.pop();
    }

    /** @return the edits the last undo went back from ({@code current} kept for undo), or {@code current} */
    WeightEdits redo(WeightEdits current) {
        if (redo.isEmpty()) {
            return current;
        }
        undo.push(current);
        return redo.pop();
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    void clear() {
        undo.clear();
        redo.clear();
    }
}
