package org.mtalens.runtime.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;

/**
 * The input of a run: token ids and a label for each (its text, or the id when there is no tokenizer).
 *
 * @param tokens the ids
 * @param labels one readable label per token
 */
record RunInput(int[] tokens, List<String> labels) {
    static RunInput resolve(Checkpoint checkpoint, Path path, String tokenText, String text, Path tokenizerFile) {
        if (text != null) {
            throw new InvalidInputException("--text needs the checkpoint's tokenizer, which this build cannot read yet; "
                    + "give raw ids with --tokens");
        }
        int[] ids = parseIds(tokenText, checkpoint.config().vocabSize());
        List<String> labels = new ArrayList<>();
        for (int id : ids) {
            labels.add(Integer.toString(id));
        }
        return new RunInput(ids, labels);
    }

    static int[] parseIds(String text, int vocabSize) {
        String[] parts = text.trim().isEmpty() ? new String[0] : text.split(",");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            try {
                ids[i] = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--tokens: '" + part + "' at position " + i + " is not a token id");
            }
            if (ids[i] < 0 || ids[i] >= vocabSize) {
                throw new InvalidInputException("--tokens: token " + ids[i] + " at position " + i
                        + " is outside the vocabulary 0.." + (vocabSize - 1));
            }
        }
        return ids;
    }
}
