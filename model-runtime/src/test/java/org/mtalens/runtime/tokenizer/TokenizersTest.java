package org.mtalens.runtime.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.config.TokenizerSpec;

/** Finding a checkpoint's tokenizer: official layout is checkpoint/consolidated/params.json. */
class TokenizersTest {
    @TempDir
    static Path files;
    static Path tiktokenFile;
    static Path tokenizerJson;

    @TempDir
    Path checkpoint;

    @BeforeAll
    static void unzip() {
        tiktokenFile = TestTokenizerFiles.unzip(TestTokenizerFiles.TIKTOKEN + "cl100k_base.tiktoken.gz", files, "tokenizer.model");
        tokenizerJson = TestTokenizerFiles.unzip(TestTokenizerFiles.TOKENIZER_JSON + "tokenizer.json.gz", files, "tokenizer.json");
    }

    private Path consolidated() throws Exception {
        return Files.createDirectories(checkpoint.resolve("consolidated"));
    }

    @Test
    void charAndBytesNeedNoFile() throws Exception {
        assertThat(Tokenizers.forCheckpoint(new TokenizerSpec("char", null), consolidated(), Optional.empty()).tokenizer())
                .containsInstanceOf(CharTokenizer.class);
        assertThat(Tokenizers.forCheckpoint(new TokenizerSpec("bytes", null), consolidated(), Optional.empty()).tokenizer())
                .containsInstanceOf(ByteTokenizer.class);
    }

    @Test
    void aTiktokenPathOnTheTrainingMachineMeansRawIdsWithTheReason() throws Exception {
        TokenizerLookup lookup = Tokenizers.forCheckpoint(new TokenizerSpec("tiktoken", "/cluster/llama3/tokenizer.model"),
                consolidated(), Optional.empty());
        assertThat(lookup.rawIdsOnly()).isTrue();
        assertThat(lookup.message()).startsWith("raw token ids only, because")
                .contains("/cluster/llama3/tokenizer.model").contains("--tokenizer FILE");
    }

    @Test
    void aTiktokenFileOfTheNamedNameAboveTheConsolidatedFolderIsFound() throws Exception {
        Files.copy(tiktokenFile, checkpoint.resolve("llama3.model"));
        TokenizerLookup lookup = Tokenizers.forCheckpoint(new TokenizerSpec("tiktoken", "/cluster/llama3.model"),
                consolidated(), Optional.empty());
        assertThat(lookup.tokenizer()).containsInstanceOf(TiktokenTokenizer.class);
        assertThat(lookup.message()).contains(checkpoint.resolve("llama3.model").toString());
    }

    @Test
    void sentencePieceIsNotSupportedWithoutATokenizerJson() throws Exception {
        TokenizerLookup lookup = Tokenizers.forCheckpoint(new TokenizerSpec("sp", "/cluster/sp.model"), consolidated(), Optional.empty());
        assertThat(lookup.rawIdsOnly()).isTrue();
        assertThat(lookup.message()).contains("SentencePiece").contains("tokenizer.json");
    }

    @Test
    void aTokenizerJsonBesideTheCheckpointServesSentencePieceAndUnnamedTokenizers() throws Exception {
        Files.copy(tokenizerJson, consolidated().resolve("tokenizer.json"));
        assertThat(Tokenizers.forCheckpoint(new TokenizerSpec("sp", "/cluster/sp.model"), consolidated(), Optional.empty()).tokenizer())
                .containsInstanceOf(HuggingFaceJsonTokenizer.class);
        assertThat(Tokenizers.forCheckpoint(TokenizerSpec.unknown(), consolidated(), Optional.empty()).tokenizer())
                .containsInstanceOf(HuggingFaceJsonTokenizer.class);
    }

    @Test
    void noTokenizerNamedAndNoneBesideMeansRawIds() throws Exception {
        TokenizerLookup lookup = Tokenizers.forCheckpoint(TokenizerSpec.unknown(), consolidated(), Optional.empty());
        assertThat(lookup.rawIdsOnly()).isTrue();
        assertThat(lookup.message()).contains("names no tokenizer");
    }

    @Test
    void theUsersFileWinsOverTheCheckpointsConfig() throws Exception {
        TokenizerLookup lookup = Tokenizers.forCheckpoint(new TokenizerSpec("char", null), consolidated(), Optional.of(tiktokenFile));
        assertThat(lookup.tokenizer()).containsInstanceOf(TiktokenTokenizer.class);
        assertThat(lookup.message()).contains("chosen by you");
    }

    @Test
    void aBrokenTokenizerFileBesideTheCheckpointIsExplainedNotThrown() throws Exception {
        Files.writeString(checkpoint.resolve("tokenizer.model"), "this is not a tokenizer\n");
        TokenizerLookup lookup = Tokenizers.forCheckpoint(new TokenizerSpec("tiktoken", "/cluster/tokenizer.model"),
                consolidated(), Optional.empty());
        assertThat(lookup.rawIdsOnly()).isTrue();
        assertThat(lookup.message()).contains("cannot be used").contains("line 1");
    }

    @Test
    void aUserFileThatIsASentencePieceModelIsRefusedWithAdvice() throws Exception {
        Path sp = Files.write(checkpoint.resolve("sp.model"), new byte[] {0x0a, 0x05, 0x00, 0x01});
        assertThatThrownBy(() -> Tokenizers.forCheckpoint(TokenizerSpec.unknown(), checkpoint, Optional.of(sp)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("SentencePiece");
    }
}
