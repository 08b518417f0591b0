package org.mtalens.runtime.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.LayerPlan;
import org.mtalens.runtime.config.ModelConfig;

/**
 * Which parts of the attention a forward pass switches off. Nothing is modified in place: the pass
 * skips a switched-off stage (the previous map flows on, and the skipped stage is not captured), runs
 * a switched-off head kernel as the identity kernel (1 at the current query and current key), and
 * multiplies a switched-off head's final weights by 0.
 *
 * <p>Syntax ({@link #parse}): comma-separated items {@code L<layer>.<part>} with part one of
 * {@code pre_sm_conv, post_sm_conv, pre_sm_head_mix, post_sm_head_mix} (alias {@code post_sm_head_conv}),
 * {@code group_norm, gate}; {@code L<layer>.head<h>.pre_sm_conv} or {@code .post_sm_conv} for one
 * head's kernel; {@code L<layer>.head<h>} for a whole head. Example:
 * {@code L1.pre_sm_conv,L3.head2.post_sm_conv,L0.gate}.
 *
 * @param items what is switched off
 */
public record Ablation(Set<Item> items) {
    /** The syntax of one item, as printed in messages and help. */
    public static final String SYNTAX = "L<layer>.<part>, L<layer>.head<h>.pre_sm_conv|post_sm_conv or L<layer>.head<h>";

    private static final Pattern ITEM = Pattern.compile("[lL](\\d+)\\.(?:[hH][eE][aA][dD](\\d+)(?:\\.(\\w+))?|(\\w+))");
    private static final Ablation NONE = new Ablation(Set.of());

    /**
     * One switched-off part.
     *
     * @param layer layer index
     * @param head  the head, or empty for the whole layer
     * @param part  what is switched off ({@link AblatedPart#HEAD} only with a head)
     */
    public record Item(int layer, Optional<Integer> head, AblatedPart part) {
        public Item {
            if (part == AblatedPart.HEAD && head.isEmpty()) {
                throw new IllegalArgumentException("a whole-head ablation needs a head");
            }
            if (head.isPresent() && !part.perHead()) {
                throw new IllegalArgumentException(part.id() + " cannot be switched off for one head");
            }
        }

        @Override
        public String toString() {
            String where = "L" + layer + head.map(h -> ".head" + h).orElse("");
            return part == AblatedPart.HEAD ? where : where + "." + part.id();
        }
    }

    public Ablation {
        items = Set.copyOf(items);
    }

    /** @return the intact model: nothing switched off */
    public static Ablation none() {
        return NONE;
    }

    /** @return whether nothing is switched off */
    public boolean isNone() {
        return items.isEmpty();
    }

    /** @return the first layer this ablation changes, or empty for none: the layers before it run as intact */
    public java.util.OptionalInt firstLayer() {
        return items.stream().mapToInt(Item::layer).min();
    }

    /** @return whether {@code part} is switched off for the whole of {@code layer} */
    public boolean layerOff(int layer, AblatedPart part) {
        return items.contains(new Item(layer, Optional.empty(), part));
    }

    /** @return the heads of {@code layer} whose {@code part} (a convolution, or {@link AblatedPart#HEAD}) is off, ascending */
    public Set<Integer> headsOff(int layer, AblatedPart part) {
        return items.stream().filter(i -> i.layer() == layer && i.part() == part && i.head().isPresent())
                .map(i -> i.head().get()).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Parses the {@code --ablate} syntax and checks it against the model.
     *
     * @param text comma-separated items; blank means {@link #none()}
     * @throws InvalidInputException naming the bad item: bad syntax, unknown part, layer or head out of
     *                               range, or a part the layer does not have
     */
    public static Ablation parse(String text, ModelConfig config) {
        List<Item> items = new ArrayList<>();
        for (String raw : text.split(",")) {
            String typed = raw.trim();
            if (!typed.isEmpty()) {
                Item item = parseItem(typed);
                check(item, typed, config);
                items.add(item);
            }
        }
        return new Ablation(Set.copyOf(items));
    }

    private static Item parseItem(String item) {
        Matcher m = ITEM.matcher(item);
        if (!m.matches()) {
            throw new InvalidInputException("ablation item '" + item + "' is not " + SYNTAX);
        }
        int layer = number(m.group(1), item);
        if (m.group(2) == null) {
            AblatedPart part = part(m.group(4), item);
            if (part == AblatedPart.HEAD) {
                throw new InvalidInputException("ablation item '" + item + "': name the head, e.g. L" + layer + ".head0");
            }
            return new Item(layer, Optional.empty(), part);
        }
        int head = number(m.group(2), item);
        AblatedPart part = m.group(3) == null ? AblatedPart.HEAD : part(m.group(3), item);
        if (!part.perHead() || (m.group(3) != null && part == AblatedPart.HEAD)) {
            throw new InvalidInputException("ablation item '" + item + "': only pre_sm_conv or post_sm_conv can be "
                    + "switched off for one head (or the whole head: L" + layer + ".head" + head + ")");
        }
        return new Item(layer, Optional.of(head), part);
    }

    private static AblatedPart part(String id, String item) {
        return AblatedPart.byId(id).orElseThrow(() -> new InvalidInputException("ablation item '" + item
                + "': unknown part '" + id + "' (pre_sm_conv, post_sm_conv, pre_sm_head_mix, post_sm_head_mix, "
                + "group_norm, gate)"));
    }

    private static int number(String digits, String item) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("ablation item '" + item + "': " + digits + " is too large");
        }
    }

    /**
     * Checks every item against the model.
     *
     * @throws InvalidInputException naming the first bad item
     */
    public void validateFor(ModelConfig config) {
        for (Item item : sorted()) {
            check(item, item.toString(), config);
        }
    }

    private static void check(Item item, String typed, ModelConfig config) {
        if (item.layer() >= config.nLayers()) {
            throw new InvalidInputException("ablation item '" + typed + "': layer " + item.layer()
                    + " is out of range 0.." + (config.nLayers() - 1));
        }
        if (item.head().isPresent() && item.head().get() >= config.nHeads()) {
            throw new InvalidInputException("ablation item '" + typed + "': head " + item.head().get()
                    + " is out of range 0.." + (config.nHeads() - 1));
        }
        LayerPlan plan = config.layerPlan(item.layer());
        if (!item.part().presentIn(plan)) {
            throw new InvalidInputException("ablation item '" + typed + "': layer " + item.layer() + " has no "
                    + item.part().id() + " (its stages: " + plan.stages().stream().map(s -> s.id())
                    .collect(Collectors.joining(", ")) + (plan.groupNorm() ? "; group_norm" : "")
                    + (plan.gate() ? "; gate" : "") + ")");
        }
    }

    /** @return the items in layer, head, part order */
    public List<Item> sorted() {
        return items.stream().sorted(Comparator.comparingInt(Item::layer)
                .thenComparing(i -> i.head().orElse(-1)).thenComparing(Item::part)).toList();
    }

    /** @return the {@code --ablate} text of this ablation (empty for none) */
    @Override
    public String toString() {
        return sorted().stream().map(Item::toString).collect(Collectors.joining(","));
    }
}
