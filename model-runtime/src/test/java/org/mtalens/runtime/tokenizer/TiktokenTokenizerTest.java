package org.mtalens.runtime.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtalens.runtime.InvalidInputException;

/**
 * cl100k_base in the tokenizer.model format (the Llama-3 format and pattern) against the ids of the
 * real tiktoken engine built as lingua's TikTokenTokenizer builds it.
 */
class TiktokenTokenizerTest {
    @TempDir
    static Path folder;
    static TiktokenTokenizer tokenizer;
    static JsonNode specials;

    @BeforeAll
    static void open() {
        tokenizer = TiktokenTokenizer.read(TestTokenizerFiles.unzip(TestTokenizerFiles.TIKTOKEN + "cl100k_base.tiktoken.gz", folder, "tokenizer.model"));
        specials = TestTokenizerFiles.expected(TestTokenizerFiles.TIKTOKEN).path("specials");
    }

    static List<TestTokenizerFiles.Case> cases() {
        return TestTokenizerFiles.cases(TestTokenizerFiles.TIKTOKEN);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void encodesSentencesToTheIdsOfTiktoken(TestTokenizerFiles.Case c) {
        assertThat(TestTokenizerFiles.ids(tokenizer.encode(c.text(), BosToken.OMIT))).containsExactly(c.ids());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eachTokensTextIsTheBytesTiktokenGivesForIt(TestTokenizerFiles.Case c) {
        List<Token> tokens = tokenizer.encode(c.text());
        for (int k = 0; k < tokens.size(); k++) {
            byte[] bytes = HexFormat.of().parseHex(c.node().path("pieces").get(k).asText());
            assertThat(tokens.get(k).text()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        }
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
            assertThat(tokens.get(k).start()).isBetween(tokens.get(k - 1).start(), tokens.get(k - 1).end());
        }
        for (Token token : tokens) {
            if (!token.text().contains("\uFFFD")) {
                assertThat(c.text().substring(token.start(), token.end())).isEqualTo(token.text());
            }
        }
    }

    @Test
    void specialTokensFollowTheRanksAsLinguaPlacesThem() {
        assertThat(tokenizer.bosId()).hasValue(specials.path("begin_of_text").asInt());
        assertThat(tokenizer.eosId()).isEqualTo(specials.path("end_of_text").asInt());
        assertThat(tokenizer.vocabularySize()).isEqualTo(specials.path("n_vocab").asInt());
        assertThat(tokenizer.describe(new int[] {specials.path("reserved_4").asInt(), specials.path("fim_suffix").asInt()}))
                .extracting(Token::label).containsExactly("<|reserved_special_token_4|>", "<|fim_suffix|>");
    }

    @Test
    void bosComesFirstOnlyWhenAsked() {
        List<Token> tokens = tokenizer.encode("Hello", BosToken.ADD);
        assertThat(TestTokenizerFiles.ids(tokens)).containsExactly(specials.path("begin_of_text").asInt(), 9906);
        assertThat(tokens.get(0).label()).isEqualTo("<|begin_of_text|>");
        assertThat(tokens.get(0).hasSpan()).isFalse();
    }

    @Test
    void specialTokenNamesInTheTextAreOrdinaryText() {
        assertThat(TestTokenizerFiles.ids(tokenizer.encode("<|begin_of_text|>"))).doesNotContain(specials.path("begin_of_text").asInt());
    }

    @Test
    void labelsShowSpacesNewlinesTabsAndSplitCharacters() {
        // tiktoken (npm, WASM) splits this into the bytes 61|2062|0a|0963|20f09f91|8b
        List<Token> tokens = tokenizer.encode("a b\n\tc 👋");
        assertThat(TestTokenizerFiles.ids(tokens)).containsExactly(64, 293, 198, 1470, 62904, 233);
        assertThat(String.join("|", tokens.stream().map(Token::label).toList())).isEqualTo("a|␣b|⏎|⇥c|␣‹f0›‹9f›‹91›|‹8b›");
        assertThat(tokens.get(tokens.size() - 1).start()).isEqualTo(7);
        assertThat(tokens.get(tokens.size() - 2).end()).isEqualTo(9);
    }

    @Test
    void longTextIsEncodedIn400000CharacterPiecesAsLinguaDoes() {
        // tiktoken (npm, WASM) on the two pieces "ab ab ... ab a" (400,000 chars) and "b ":
        // 133,336 ids ending 671, 264, 65, 220 (unsplit it would be 133,335 ending 671, 671, 671, 220)
        List<Token> tokens = tokenizer.encode("ab ".repeat(133_334));
        assertThat(tokens).hasSize(133_336);
        assertThat(TestTokenizerFiles.ids(tokens.subList(tokens.size() - 4, tokens.size()))).containsExactly(671, 264, 65, 220);
        assertThat(tokens.get(tokens.size() - 1).end()).isEqualTo(400_002);
    }

    @Test
    void aSentencePieceModelIsRefusedWithAdvice(@TempDir Path other) throws Exception {
        Path file = Files.write(other.resolve("tokenizer.model"), new byte[] {0x0a, 0x0b, 0x00, 0x01, 0x02});
        assertThatThrownBy(() -> TiktokenTokenizer.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SentencePiece").hasMessageContaining("tokenizer.json");
    }

    @Test
    void aBrokenLineIsRefusedNamingTheLine(@TempDir Path other) throws Exception {
        Path file = Files.writeString(other.resolve("tokenizer.model"), "IQ== 0\nnot-a-rank-line\n");
        assertThatThrownBy(() -> TiktokenTokenizer.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2");
    }
}
