// Writes cl100k_base in the tokenizer.model format (base64 token, space, rank per line) from the
// compact rank string shipped by the npm package `tiktoken` (MIT), then encodes test sentences
// with the package's own tiktoken engine (Rust compiled to WASM) built exactly as lingua's
// TikTokenTokenizer builds its Encoding: lingua's pattern, 256 special tokens after the ranks.
const fs = require("fs");
const { Tiktoken, get_encoding } = require("tiktoken");
const j = require("tiktoken/encoders/cl100k_base.json");
const f = j.bpe_ranks.split(" ");
if (f[0] !== "!") throw new Error("unexpected format");
let rank = Number(f[1]);
let out = [];
for (const tok of f.slice(2)) out.push(tok + " " + (rank++));
const model = out.join("\n") + "\n";
fs.writeFileSync(process.argv[2], model);
const n = out.length;
const special = {"<|begin_of_text|>":0,"<|end_of_text|>":1,"<|fim_prefix|>":2,"<|fim_middle|>":3,"<|fim_end_fill|>":253,"<|fim_pad|>":254,"<|fim_suffix|>":255};
const used = new Set(Object.values(special));
for (let i = 0; i < 256; i++) if (!used.has(i)) special[`<|reserved_special_token_${i}|>`] = i;
for (const k in special) special[k] += n;
const pat = String.raw`(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`;
const enc = new Tiktoken(model, special, pat);
const ref = get_encoding("cl100k_base");
const sentences = JSON.parse(fs.readFileSync(__dirname + "/sentences.json", "utf8"));
const cases = sentences.map(text => {
  const ids = Array.from(enc.encode_ordinary(text));
  const check = Array.from(ref.encode_ordinary(text));
  if (JSON.stringify(ids) !== JSON.stringify(check)) throw new Error("mismatch with stock cl100k for " + text);
  const pieces = ids.map(id => Buffer.from(enc.decode_single_token_bytes(id)).toString("hex"));
  return { text, ids, pieces };
});
const specials = { ranks: n, begin_of_text: special["<|begin_of_text|>"], end_of_text: special["<|end_of_text|>"],
  reserved_4: special["<|reserved_special_token_4|>"], fim_suffix: special["<|fim_suffix|>"], n_vocab: n + 256 };
fs.writeFileSync(process.argv[3], JSON.stringify({ source: "npm tiktoken@1.0.22 (WASM tiktoken engine), lingua TikTokenTokenizer construction", specials, cases }, null, 1) + "\n");
console.log("ranks", n);
