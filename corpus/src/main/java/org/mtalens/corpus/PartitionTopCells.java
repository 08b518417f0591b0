package org.mtalens.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A partition's best {@code k} cells of each head, in the order of the corpus's top cells: largest |final - plain|
 * first, ties by document (as Spark orders strings: by their UTF-8 bytes), query and key. Only these can be among
 * the corpus's best k of that head, so a partition sends these and not every document's cells.
 */
final class PartitionTopCells {
    /** Best first: the order of {@code CorpusJob}'s window over the top cells. */
    static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingDouble((Candidate c) -> Math.abs(c.cell().getDifference())).reversed()
            .thenComparing(Candidate::documentBytes, Arrays::compareUnsigned)
            .thenComparingInt(c -> c.cell().getQuery())
            .thenComparingInt(c -> c.cell().getKey());

    private final int k;
    /** Per head (layer, head), its best k so far, the worst on top. */
    private final Map<List<Integer>, PriorityQueue<Candidate>> byHead = new HashMap<>();

    PartitionTopCells(int k) {
        this.k = k;
    }

    /** One document's cell with its id, as the corpus's window orders them. */
    record Candidate(byte[] documentBytes, TopCellRow cell) {
        static Candidate of(String document, TopCellRow cell) {
            return new Candidate(document.getBytes(StandardCharsets.UTF_8), cell);
        }
    }

    /** Considers the cells of one document. */
    void offer(String document, List<TopCellRow> cells) {
        for (TopCellRow cell : cells) {
            PriorityQueue<Candidate> best = byHead.computeIfAbsent(List.of(cell.getLayer(), cell.getHead()),
                    h -> new PriorityQueue<>(BEST_FIRST.reversed()));
            best.add(Candidate.of(document, cell));
            if (best.size() > k) {
                best.poll();
            }
        }
    }

    /** @return the cells kept (by identity): those among their head's best k */
    Set<TopCellRow> kept() {
        Set<TopCellRow> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        byHead.values().forEach(best -> best.forEach(c -> kept.add(c.cell())));
        return kept;
    }
}
