// Embind surface of the Parallax core. The only file that includes Emscripten.
//
// Every function returns plain JS values (strings, numbers, plain objects), so
// nothing needs .delete(); the JSON text is byte-identical to the CLI's because
// both call the same core functions. Errors come back as {ok:false, code, message}
// (the core never throws; the ES module wrapper turns them into Error objects).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "api/parallax.h"

namespace {

using emscripten::val;

// The learned resources given by loadResources(); the baseline matcher until then.
// Module state lives here, in the bindings, never in the core.
parallax::Resources& loaded_resources() {
  static parallax::Resources resources;
  return resources;
}

val failure(const parallax::Error& error) {
  val out = val::object();
  out.set("ok", false);
  out.set("code", std::string(parallax::error_code_name(error.code)));
  out.set("message", error.message);
  return out;
}

// Copies a JS Uint8Array / ArrayBuffer / string into a std::string of bytes.
std::string bytes_of(const val& value) {
  if (value.isString()) return value.as<std::string>();  // UTF-8 encoded by Embind
  val view = val::global("Uint8Array").new_(value);
  const auto length = view["length"].as<std::size_t>();
  std::string bytes(length, '\0');
  // A view on our own heap, filled in one copy by the JS engine.
  val heap_view(
      emscripten::typed_memory_view(length, reinterpret_cast<unsigned char*>(bytes.data())));
  heap_view.call<void>("set", view);
  return bytes;
}

// loadResources([{name, bytes}]) -> {ok:true, matcher, warnings: [string]} | {ok:false, code,
// message}. Names as in resources/ (wordnet-en.bin, news-lexicon.bin, matcher-v1.json).
val load_resources(const val& files) {
  if (!files.isArray()) {
    return failure({parallax::ErrorCode::kInvalidArgument,
                    "loadResources() takes an array of {name, bytes}."});
  }
  const auto count = files["length"].as<std::size_t>();
  std::vector<std::string> names(count), contents(count);
  std::vector<parallax::InputFile> inputs;
  for (std::size_t i = 0; i < count; ++i) {
    const val file = files[i];
    names[i] = file["name"].isString() ? file["name"].as<std::string>() : "";
    if (!file["bytes"].isUndefined() && !file["bytes"].isNull())
      contents[i] = bytes_of(file["bytes"]);
  }
  for (std::size_t i = 0; i < count; ++i) inputs.push_back({names[i], contents[i]});
  auto resources = parallax::Resources::load(inputs);
  if (!resources.ok()) return failure(resources.error());
  loaded_resources() = std::move(resources).value();
  val out = val::object();
  out.set("ok", true);
  out.set("matcher", std::string(loaded_resources().matcher_name()));
  // ---- cleanup (issue: resource warnings reach the page) ----
  // Resources::warnings(): what loaded in a reduced form (e.g. a WordNet without parts of
  // speech), for the page to show; [] with the committed resources.
  val warnings = val::array();
  for (const std::string& warning : loaded_resources().warnings())
    warnings.call<void>("push", warning);
  out.set("warnings", warnings);
  // ---- end cleanup
  return out;
}

// ---- JSON text to a JS string (owner: wasmratio, issue 6) ----
// The engine's TextDecoder reads the UTF-8 straight from our heap (a typed_memory_view: no
// copy). Embind's std::string conversion would copy the bytes into a new allocation, walk
// them one by one in JavaScript looking for NULs, then decode: 2-3x the time of the decode
// alone (tens of ms for the 15 MB of JSON of 1,000 articles; docs/bench.md, "Round 5").
// Same string either way (valid UTF-8 starting with '{'); without a TextDecoder (none
// known), Embind's conversion.
val js_string_of(const std::string& utf8) {
  const val decoder_class = val::global("TextDecoder");
  if (decoder_class.isUndefined()) return val(utf8);
  const val bytes(emscripten::typed_memory_view(
      utf8.size(), reinterpret_cast<const unsigned char*>(utf8.data())));
  return decoder_class.new_(std::string("utf-8")).call<val>("decode", bytes);
}
// ---- end JSON text to a JS string ----

// The {name, bytes} array of compare() and compareStaged(), copied into our memory.
struct Inputs {
  std::vector<std::string> names;
  std::vector<std::string> contents;
  std::vector<parallax::InputFile> files;  // views of names/contents
};

void read_inputs(const val& files, Inputs& inputs) {
  const auto count = files["length"].as<std::size_t>();
  inputs.names.resize(count);
  inputs.contents.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    const val file = files[i];
    const val name = file["name"];
    inputs.names[i] =
        name.isString() ? name.as<std::string>() : "article-" + std::to_string(i + 1) + ".txt";
    const val bytes = file["bytes"];
    if (!bytes.isUndefined() && !bytes.isNull()) inputs.contents[i] = bytes_of(bytes);
  }
  inputs.files.reserve(count);
  for (std::size_t i = 0; i < count; ++i)
    inputs.files.push_back({inputs.names[i], inputs.contents[i]});
}

// compare([{name, bytes}], optionsJson) -> {ok:true, json} | {ok:false, code, message}
val compare(const val& files, const std::string& options_json) {
  auto options = parallax::parse_compare_options(options_json);
  if (!options.ok()) return failure(options.error());
  if (!files.isArray()) {
    return failure(
        {parallax::ErrorCode::kInvalidArgument, "compare() takes an array of {name, bytes}."});
  }
  Inputs inputs;
  read_inputs(files, inputs);
  auto json = parallax::compare_json(inputs.files, options.value(), loaded_resources());
  if (!json.ok()) return failure(json.error());
  val out = val::object();
  out.set("ok", true);
  out.set("json", js_string_of(json.value()));  // wasmratio: TextDecoder, not Embind's copy
  return out;
}

// ---- compare as bytes (owner: coldstart, issue 6) ----
// compareJsonBytes([{name, bytes}], optionsJson) -> {ok:true, bytes} | {ok:false, code, message}:
// compare()'s JSON as its UTF-8 bytes (a Uint8Array, copied out of the module's memory at once),
// for callers that write the bytes out (wasm/cli.cjs). Embind 3.1.6 turns a std::string into a
// JS string by scanning it byte by byte in JavaScript, twice (~10 ms for 77 kB on a first call,
// before V8 optimises the loops), and writing a string to a file encodes it again.
val compare_json_bytes(const val& files, const std::string& options_json) {
  auto options = parallax::parse_compare_options(options_json);
  if (!options.ok()) return failure(options.error());
  if (!files.isArray()) {
    return failure({parallax::ErrorCode::kInvalidArgument,
                    "compareJsonBytes() takes an array of {name, bytes}."});
  }
  Inputs inputs;
  read_inputs(files, inputs);
  auto json = parallax::compare_json(inputs.files, options.value(), loaded_resources());
  if (!json.ok()) return failure(json.error());
  const std::string& text = json.value();
  val out = val::object();
  out.set("ok", true);
  out.set("bytes", val::global("Uint8Array")
                       .new_(emscripten::typed_memory_view(
                           text.size(), reinterpret_cast<const unsigned char*>(text.data()))));
  return out;
}
// ---- end compare as bytes ----

// ---- staged compare (owner: stream, issue 6) ----
// compareStaged([{name, bytes}], optionsJson, onStage) -> {ok:true, stages} | {ok:false, code,
// message}. onStage(stage, json) is called for "segmented", "aligned" and "complete" in that
// order (parallax::kStage*), json being the parallax/1 document of the analysis so far; the
// "complete" json is compare()'s, byte for byte. onStage must not throw (the ES module wrapper
// catches for it): an exception through the wasm frames would skip the core's destructors.
val compare_staged(const val& files, const std::string& options_json, const val& on_stage) {
  auto options = parallax::parse_compare_options(options_json);
  if (!options.ok()) return failure(options.error());
  if (!files.isArray() || on_stage.typeOf().as<std::string>() != "function") {
    return failure({parallax::ErrorCode::kInvalidArgument,
                    "compareStaged() takes an array of {name, bytes}, options and a function."});
  }
  Inputs inputs;
  read_inputs(files, inputs);
  int stages = 0;
  auto analysis = parallax::compare(
      inputs.files, options.value(), loaded_resources(),
      [&](std::string_view stage, const parallax::report::Analysis& partial) {
        ++stages;
        on_stage(std::string(stage), js_string_of(parallax::report::to_json(partial)));
      });
  if (!analysis.ok()) return failure(analysis.error());
  val out = val::object();
  out.set("ok", true);
  out.set("stages", stages);
  return out;
}
// ---- end staged compare ----

std::string match_jsonl(const std::string& text) {
  parallax::represent::Stemmer stemmer;
  return parallax::map_jsonl(text, loaded_resources(), stemmer, parallax::match_jsonl_line);
}

std::string stance_jsonl(const std::string& text) {
  parallax::represent::Stemmer stemmer;
  parallax::StanceSession session(loaded_resources());  // each distinct body analysed once
  return session.lines(text, stemmer);
}

std::string version() {
  return std::string(parallax::version());
}

}  // namespace

EMSCRIPTEN_BINDINGS(parallax) {
  emscripten::function("loadResources", &load_resources);
  emscripten::function("compare", &compare);
  emscripten::function("compareStaged", &compare_staged);  // staged compare (stream)
  emscripten::function("matchJsonl", &match_jsonl);
  emscripten::function("stanceJsonl", &stance_jsonl);
  emscripten::function("version", &version);
  emscripten::function("compareJsonBytes", &compare_json_bytes);  // compare as bytes (coldstart)
}
