package org.mtalens.corpus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mtalens.runtime.corpus.CorpusWorker;

/**
 * The checkpoints this JVM (the driver in local mode, an executor on a cluster) has loaded for the corpus job, kept
 * between partitions: a task takes an idle one or loads its own, and gives it back when its partition is done, so a
 * JVM loads a checkpoint once per task it runs at a time, not once per partition. A worker is used by one task at
 * a time ({@link CorpusWorker} is not thread-safe).
 */
final class LoadedCheckpoints {
    /** What a worker was loaded with: the same key, the same worker. */
    record Key(String checkpoint, String device, int maxTokens, int topK) {
    }

    private static final Map<Key, Deque<CorpusWorker>> IDLE = new HashMap<>();

    private LoadedCheckpoints() {
    }

    /** @return an idle worker loaded with {@code key}, or a newly loaded one */
    static CorpusWorker borrow(Key key) {
        synchronized (IDLE) {
            CorpusWorker idle = IDLE.getOrDefault(key, new ArrayDeque<>()).poll();
            if (idle != null) {
                return idle;
            }
        }
        return new CorpusWorker(CorpusInputs.checkpoint(key.checkpoint()), key.device(), key.maxTokens(), key.topK());
    }

    /** Keeps {@code worker} for the next partition when its partition finished, else closes it (a failed task's). */
    static void giveBack(Key key, CorpusWorker worker, boolean finished) {
        if (!finished) {
            worker.close();
            return;
        }
        synchronized (IDLE) {
            IDLE.computeIfAbsent(key, k -> new ArrayDeque<>()).push(worker);
        }
    }

    /** Closes the idle workers (the job is done): their weights are freed. */
    static void closeIdle() {
        List<CorpusWorker> idle = new ArrayList<>();
        synchronized (IDLE) {
            IDLE.values().forEach(idle::addAll);
            IDLE.clear();
        }
        idle.forEach(CorpusWorker::close);
    }
}
