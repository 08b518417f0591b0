package org.mtalens.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.corpus.CorpusDocument;
import org.mtalens.runtime.corpus.TargetBlock;
import org.mtalens.samples.FindBlockGenerator;
import org.mtalens.samples.FindBlockInstance;
import org.mtalens.samples.FindBlockTask;
import org.mtalens.samples.SampleCheckpoints;

/** Where the documents and the checkpoint come from: a JSONL input or fresh find-the-block instances; {@code sample}. */
final class CorpusInputs {
    /** The checkpoint name that means the bundled find-the-block MTA model. */
    static final String SAMPLE = "sample";

    private CorpusInputs() {
    }

    /** @return the checkpoint's path: {@code sample} is the bundled find-the-block MTA model */
    static Path checkpoint(String given) {
        return SAMPLE.equals(given) ? SampleCheckpoints.findBlockMta() : Path.of(given);
    }

    /**
     * @return {@code count} fresh instances of the task the toy checkpoint was trained on, made from {@code seed}; each
     *         with its target block, read at the query that predicts the answer's first letter
     */
    static List<CorpusDocument> findBlock(Path checkpoint, int count, long seed) {
        if (count < 1) {
            throw new InvalidInputException("--findblock must be at least 1, not " + count);
        }
        Path folder = checkpoint.toFile().isDirectory() ? checkpoint : checkpoint.getParent();
        FindBlockTask task = SampleCheckpoints.task(folder);
        FindBlockGenerator generator = new FindBlockGenerator(task, seed);
        List<CorpusDocument> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            FindBlockInstance instance = generator.next();
            TargetBlock target = new TargetBlock(task.answerStart() - 1, instance.targetStart(), instance.targetEnd());
            documents.add(CorpusDocument.ofTokens("findblock-" + seed + "-" + i, instance.tokens(), target,
                    "findblock seed " + seed + " #" + i));
        }
        return documents;
    }
}
