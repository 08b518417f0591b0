package org.mtalens.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtalens.runtime.tokenizer.CharTokenizer;

class FindBlockGeneratorTest {
    private static final FindBlockTask TASK = new FindBlockTask(3, 2, 8);
    private static final CharTokenizer CHAR = new CharTokenizer();

    private static List<FindBlockInstance> instances(long seed) {
        return new FindBlockGenerator(TASK, seed).next(500);
    }

    private static boolean holdsAll(String block, String letters) {
        return letters.chars().allMatch(c -> block.indexOf(c) >= 0);
    }

    @Test
    void everyInstanceHasTheTaskLengths() {
        for (FindBlockInstance instance : instances(1)) {
            assertThat(instance.tokens()).hasSize(1 + 8 * 3 + 7 + 1 + 2 + 3 + 1);
            assertThat(instance.blocks()).hasSize(8).allSatisfy(b -> assertThat(b).hasSize(3));
            assertThat(instance.query()).hasSize(2);
        }
    }

    @Test
    void exactlyOneBlockHoldsAllQueryLettersAndItIsTheAnswer() {
        for (FindBlockInstance instance : instances(2)) {
            List<String> holding = instance.blocks().stream().filter(b -> holdsAll(b, instance.query())).toList();
            assertThat(holding).containsExactly(instance.blocks().get(instance.targetBlock()));
            assertThat(CHAR.decode(instance.answerTokens())).isEqualTo(holding.get(0));
        }
    }

    @Test
    void blocksAreDistinctAndTheirLettersToo() {
        for (FindBlockInstance instance : instances(3)) {
            assertThat(new HashSet<>(instance.blocks())).hasSize(instance.blocks().size());
            for (String block : instance.blocks()) {
                assertThat(block.chars().distinct().count()).isEqualTo(block.length());
                assertThat(block).matches("[a-z]+");
            }
        }
    }

    @Test
    void tokensDecodeToTheOfficialFormat() {
        FindBlockInstance instance = instances(4).get(0);
        String expected = "<BOS>" + String.join(".", instance.blocks()) + "#" + instance.query()
                + instance.blocks().get(instance.targetBlock()) + "<EOS>";
        assertThat(CHAR.decode(instance.tokens())).isEqualTo(expected);
        assertThat(CHAR.decode(instance.promptTokens())).isEqualTo("<BOS>" + instance.promptText());
    }

    @Test
    void targetPositionsPointAtTheTargetBlockInThePrompt() {
        for (FindBlockInstance instance : instances(5)) {
            int[] tokens = instance.tokens();
            String marked = CHAR.decode(java.util.Arrays.copyOfRange(tokens, instance.targetStart(), instance.targetEnd()));
            assertThat(marked).isEqualTo(instance.blocks().get(instance.targetBlock()));
        }
    }

    @Test
    void theSameSeedGivesTheSameInstancesAndAnotherSeedOthers() {
        List<FindBlockInstance> a = instances(7);
        List<FindBlockInstance> b = instances(7);
        List<FindBlockInstance> c = instances(8);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).tokens()).isEqualTo(b.get(i).tokens());
        }
        Set<String> prompts = new HashSet<>();
        a.forEach(x -> prompts.add(x.promptText()));
        assertThat(c.stream().filter(x -> prompts.contains(x.promptText())).count()).isLessThan(5);
    }

    @Test
    void targetBlockIsSpreadOverAllPositions() {
        int[] counts = new int[8];
        instances(9).forEach(x -> counts[x.targetBlock()]++);
        assertThat(java.util.Arrays.stream(counts).min().getAsInt()).isGreaterThan(30);
    }

    @Test
    void tokensAreTheOfficialCharIds() {
        FindBlockInstance instance = new FindBlockGenerator(new FindBlockTask(1, 1, 1), 3).next();
        int letter = instance.blocks().get(0).charAt(0) - 'a';
        assertThat(instance.tokens()).containsExactly(29, letter, 27, letter, letter, 30);
    }
}
