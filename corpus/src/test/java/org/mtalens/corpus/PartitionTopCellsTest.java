package org.mtalens.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A partition sends its best k cells per head; the corpus's top k of every head must be among them, in any split. */
class PartitionTopCellsTest {
    private static TopCellRow cell(int layer, int head, int query, int key, double difference) {
        TopCellRow c = new TopCellRow();
        c.setLayer(layer);
        c.setHead(head);
        c.setQuery(query);
        c.setKey(key);
        c.setDifference(difference);
        return c;
    }

    @Test
    void theBestKOfEveryHeadOverAllPartitionsAreAmongThePartitionsBestK() {
        Random random = new Random(3);
        Map<String, List<TopCellRow>> documents = new LinkedHashMap<>();
        for (int d = 0; d < 40; d++) {
            List<TopCellRow> cells = new ArrayList<>();
            for (int i = 0; i < 12; i++) { // few distinct sizes: many ties, broken by document, query and key
                cells.add(cell(random.nextInt(2), random.nextInt(2), random.nextInt(6), random.nextInt(6),
                        (random.nextBoolean() ? -1 : 1) * random.nextInt(4) / 4.0));
            }
            documents.put("doc-" + d, cells);
        }
        int k = 5;
        List<List<Object>> expected = bestPerHead(documents, k);
        for (int split = 1; split <= 7; split += 3) {
            List<Map.Entry<String, List<TopCellRow>>> all = new ArrayList<>(documents.entrySet());
            List<Map.Entry<String, List<TopCellRow>>> sent = new ArrayList<>();
            for (int p = 0; p < split; p++) {
                PartitionTopCells partition = new PartitionTopCells(k);
                List<Map.Entry<String, List<TopCellRow>>> mine = all.subList(p * all.size() / split, (p + 1) * all.size() / split);
                mine.forEach(e -> partition.offer(e.getKey(), e.getValue()));
                Set<TopCellRow> kept = partition.kept();
                mine.forEach(e -> sent.add(Map.entry(e.getKey(), e.getValue().stream().filter(kept::contains).toList())));
            }
            Map<String, List<TopCellRow>> received = new LinkedHashMap<>();
            sent.forEach(e -> received.put(e.getKey(), e.getValue()));
            assertThat(received.values().stream().mapToInt(List::size).sum()).as("%d partitions send at most k per head each", split)
                    .isLessThanOrEqualTo(split * 4 * k);
            assertThat(bestPerHead(received, k)).as("%d partitions", split).isEqualTo(expected);
        }
    }

    @Test
    void documentsTieAsSparkOrdersStringsByTheirUtf8Bytes() {
        // UTF-16 puts the emoji (a surrogate pair, 0xD83D...) before U+FF5E; UTF-8 (F0... vs EF...) after it, as Spark does
        PartitionTopCells best = new PartitionTopCells(1);
        TopCellRow emoji = cell(0, 0, 1, 0, 0.5);
        TopCellRow tilde = cell(0, 0, 1, 0, -0.5);
        best.offer("\uD83D\uDE00", List.of(emoji));
        best.offer("\uFF5E", List.of(tilde));
        assertThat(best.kept()).containsExactly(tilde);
    }

    /** @return per head, its best k as (document, query, key), by sorting everything: what the corpus's window does */
    private static List<List<Object>> bestPerHead(Map<String, List<TopCellRow>> documents, int k) {
        List<PartitionTopCells.Candidate> all = new ArrayList<>();
        documents.forEach((id, cells) -> cells.forEach(c -> all.add(PartitionTopCells.Candidate.of(id, c))));
        List<List<Object>> best = new ArrayList<>();
        for (int layer = 0; layer < 2; layer++) {
            for (int head = 0; head < 2; head++) {
                int l = layer;
                int h = head;
                all.stream().filter(c -> c.cell().getLayer() == l && c.cell().getHead() == h)
                        .sorted(Comparator.comparingDouble((PartitionTopCells.Candidate c) -> -Math.abs(c.cell().getDifference()))
                                .thenComparing(c -> new String(c.documentBytes(), java.nio.charset.StandardCharsets.UTF_8))
                                .thenComparingInt(c -> c.cell().getQuery()).thenComparingInt(c -> c.cell().getKey()))
                        .limit(k).forEach(c -> best.add(List.of(l, h, new String(c.documentBytes(),
                                java.nio.charset.StandardCharsets.UTF_8), c.cell().getQuery(), c.cell().getKey())));
            }
        }
        return best;
    }
}
