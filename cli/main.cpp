// parallax: the command-line shell over the core API (core/api/parallax.h).
// All analysis happens in the core; this file only reads files, streams lines,
// prints, and turns errors into exit codes (0 ok, 1 cannot proceed, 2 usage).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "api/parallax.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "Usage:\n"
    "  parallax compare [--json] [--timing] [--options JSON] FILE|DIR...\n"
    "      Align articles about one event. Prints a readable summary, or with --json the\n"
    "      parallax/1 document. Directories are read one level deep (.txt .md .html .htm .json).\n"
    "      --options takes a JSON object: {\"matchThreshold\":0.42,\"maxArticles\":5000,\n"
    "      "
    "\"maxFileBytes\":16777216,\"maxTotalBytes\":268435456,\"matcher\":\"tfidf\"|\"learned\"}.\n"
    "  parallax compare --jsonl [--unsorted] [--options JSON] [FILE|-]\n"
    "      Lines {\"story\",\"name\",\"text\"|\"html\",...} (one article each) -> one line per "
    "story,\n"
    "      {\"story\",\"inputs\",\"analysis\":parallax/1}, as soon as the next story starts (lines "
    "of\n"
    "      a story together); --unsorted holds every story until the end of input.\n"
    "  parallax match --jsonl [FILE|-]\n"
    "      Lines {\"id\",\"a\",\"b\"} -> {\"id\",\"same\",\"score\"}, one output line per input "
    "line\n"
    "      (the learned matcher when the resources hold a trained model).\n"
    "  parallax stance --jsonl [FILE|-]\n"
    "      Lines {\"id\",\"claim\",\"body\"} -> "
    "{\"id\",\"label\",\"related\",\"scores\",\"evidence\"}\n"
    "      (label: agree, disagree, discuss or unrelated; the learned model stance-v1.json\n"
    "      when the resources hold it, else a rule-based baseline).\n"
    "  parallax --version | --help\n"
    "\n"
    "Every command takes --resources DIR (where wordnet-en.bin, news-lexicon.bin,\n"
    "matcher-v1.json and stance-v1.json are; default: $PARALLAX_RESOURCES, else the\n"
    "resources/ folder of the source tree this binary was built from) or --no-resources\n"
    "(the TF-IDF baseline matcher and the rule-based stance baseline).\n";

// Where the learned resources are: --resources, $PARALLAX_RESOURCES, then the build's source tree.
fs::path resource_dir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("PARALLAX_RESOURCES"); env != nullptr && *env != '\0')
    return env;
  return PARALLAX_DEFAULT_RESOURCE_DIR;
}

bool read_file(const fs::path& path, std::string* bytes);

// Loads the resources found in `dir`; none at all means the baseline matcher. A resource
// that is present but unreadable or corrupt is an error: results must not change silently.
bool load_resources(const fs::path& dir, parallax::Resources* resources) {
  std::vector<std::string> names, contents;
  for (std::string_view name :
       {parallax::Resources::kWordNet, parallax::Resources::kLexicon,
        parallax::Resources::kMatcherModel, parallax::Resources::kStanceModel}) {
    std::error_code error;
    const fs::path path = dir / std::string(name);
    if (!fs::exists(path, error)) continue;
    std::string bytes;
    if (!read_file(path, &bytes)) return false;
    names.emplace_back(name);
    contents.push_back(std::move(bytes));
  }
  std::vector<parallax::InputFile> files;
  for (std::size_t i = 0; i < names.size(); ++i) files.push_back({names[i], contents[i]});
  auto loaded = parallax::Resources::load(files);
  if (!loaded.ok()) {
    std::cerr << "parallax: " << loaded.error().message << " (in " << dir.string()
              << "; --no-resources runs the baseline matcher)\n";
    return false;
  }
  *resources = std::move(loaded).value();
  for (const std::string& warning : resources->warnings()) {  // postag
    std::cerr << "parallax: warning: " << warning << "\n";
  }
  return true;
}

int usage_error(const std::string& message) {
  std::cerr << "parallax: " << message << "\n\n" << kUsage;
  return 2;
}

bool is_article_file(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm" ||
         ext == ".json";
}

// Reads a whole file; false (with a message on stderr) when it cannot be read.
bool read_file(const fs::path& path, std::string* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "parallax: cannot open " << path.string() << "\n";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *bytes = std::move(buffer).str();
  return true;
}

// Where and whether to load the learned resources (the --resources / --no-resources flags).
struct ResourceChoice {
  bool use = true;
  std::string dir_flag;
};

// The resources a command needs, loaded only then (they take ~0.1 s to parse).
// Opens a JSONL input file ("-" is standard input: nothing to open). False, with a message on
// stderr, when the file cannot be read.
bool open_input(const std::string& source, std::ifstream* file) {
  if (source == "-") return true;
  file->open(source, std::ios::binary);
  if (*file) return true;
  std::cerr << "parallax: cannot open " << source << "\n";
  return false;
}

// The learned matcher and the soft unit vectors (softalign: WordNet, lexicon) need them.
bool needs_resources(const parallax::CompareOptions& options) {
  return options.learned_matcher || options.wordnet_weight > 0 || options.latent_blend > 0;
}

bool resources_for(const ResourceChoice& choice, bool needed, parallax::Resources* resources) {
  if (!choice.use || !needed) return true;
  return load_resources(resource_dir(choice.dir_flag), resources);
}

// ---- streaming helpers and `compare --jsonl` (owner: perf) ----

// Writes what the stream produced, and flushes when no more input is waiting: a consumer
// reading a pipe sees each result as soon as the input stalls, and a busy stream still gets
// few large writes.
void emit(std::istream& in, const std::string& out) {
  std::cout << out;
  if (in.rdbuf()->in_avail() <= 0) std::cout.flush();
}

// compare --jsonl [--unsorted] [--options JSON] [FILE|-]: one article per line, one
// comparison per story (parallax::StoryGrouper).
int run_compare_jsonl(const std::vector<std::string>& args, const ResourceChoice& choice) {
  bool unsorted = false;
  std::string options_json;
  std::string source = "-";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--jsonl") {
      continue;
    } else if (args[i] == "--unsorted") {
      unsorted = true;
    } else if (args[i] == "--options") {
      if (i + 1 >= args.size()) return usage_error("--options needs a JSON object");
      options_json = args[++i];
    } else if (args[i] == "--json") {
      return usage_error("--json and --jsonl do not go together (--jsonl writes JSON lines)");
    } else if (args[i].rfind("--", 0) == 0) {
      return usage_error("unknown option " + args[i]);
    } else {
      source = args[i];
    }
  }
  auto options = parallax::parse_compare_options(options_json);
  if (!options.ok()) return usage_error(options.error().message);
  std::ifstream file;
  if (!open_input(source, &file)) return 1;
  parallax::Resources resources;
  if (!resources_for(choice, needs_resources(options.value()), &resources)) return 1;
  std::istream& in = source == "-" ? std::cin : file;
  parallax::StoryGrouper grouper(options.value(), resources, unsorted);
  std::string line;
  while (std::getline(in, line)) emit(in, grouper.add_line(line));
  std::cout << grouper.finish();
  std::cout.flush();
  return 0;
}

// ---- end of compare --jsonl ----

int run_compare(const std::vector<std::string>& args, const ResourceChoice& choice) {
  if (std::find(args.begin(), args.end(), "--jsonl") != args.end())
    return run_compare_jsonl(args, choice);
  bool json = false;
  bool timing = false;
  std::string options_json;
  std::vector<fs::path> paths;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") {
      json = true;
    } else if (args[i] == "--timing") {
      timing = true;
    } else if (args[i] == "--options") {
      if (i + 1 >= args.size()) return usage_error("--options needs a JSON object");
      options_json = args[++i];
    } else if (args[i].rfind("--", 0) == 0) {
      return usage_error("unknown option " + args[i]);
    } else {
      paths.emplace_back(args[i]);
    }
  }
  if (paths.empty()) return usage_error("compare needs at least one file");
  auto options = parallax::parse_compare_options(options_json);
  if (!options.ok()) return usage_error(options.error().message);

  std::vector<fs::path> files;
  for (const fs::path& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<fs::path> inside;
      for (const auto& entry : fs::directory_iterator(path, error)) {
        if (entry.is_regular_file(error) && is_article_file(entry.path()))
          inside.push_back(entry.path());
      }
      std::sort(inside.begin(), inside.end());
      files.insert(files.end(), inside.begin(), inside.end());
    } else {
      files.push_back(path);
    }
  }

  std::vector<std::string> contents;
  std::vector<std::string> names;
  contents.reserve(files.size());
  for (const fs::path& path : files) {
    std::string bytes;
    if (!read_file(path, &bytes)) continue;
    contents.push_back(std::move(bytes));
    names.push_back(path.filename().string());
  }
  std::vector<parallax::InputFile> inputs;
  for (std::size_t i = 0; i < contents.size(); ++i) inputs.push_back({names[i], contents[i]});

  parallax::Resources resources;
  if (!resources_for(choice, needs_resources(options.value()), &resources)) return 1;
  // Timed as the WASM module's compare() is (wasm/cli.cjs --timing): the analysis and its
  // JSON, nothing around them.
  const auto start = std::chrono::steady_clock::now();
  auto analysis = parallax::compare(inputs, options.value(), resources);
  if (!analysis.ok()) {
    std::cerr << "parallax: " << analysis.error().message << "\n";
    return 1;
  }
  const std::string output = json ? parallax::report::to_json(analysis.value())
                                  : parallax::report::to_summary(analysis.value());
  if (timing) {
    const std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - start;
    std::cerr << "compute-ms " << elapsed.count() << "\n";
  }
  for (const auto& notice : analysis.value().notices) {
    std::cerr << "parallax: " << notice.severity << ": " << notice.message << "\n";
  }
  std::cout << output << (json ? "\n" : "");
  return 0;
}

int run_jsonl(const std::vector<std::string>& args, const ResourceChoice& choice,
              bool needs_resources, parallax::JsonlLineFunction per_line) {
  bool jsonl = false;
  std::string source = "-";
  for (const std::string& arg : args) {
    if (arg == "--jsonl") {
      jsonl = true;
    } else if (arg.rfind("--", 0) == 0) {
      return usage_error("unknown option " + arg);
    } else {
      source = arg;
    }
  }
  if (!jsonl) return usage_error("this command reads JSON lines: add --jsonl");
  std::ifstream file;
  if (!open_input(source, &file)) return 1;
  parallax::Resources resources;
  if (!resources_for(choice, needs_resources, &resources)) return 1;
  std::istream& in = source == "-" ? std::cin : file;
  parallax::represent::Stemmer stemmer;
  std::string line;
  // stance: one session over the stream, so each distinct body is analysed once (bounded cache).
  std::unique_ptr<parallax::StanceSession> stance;
  if (per_line == parallax::stance_jsonl_line)
    stance = std::make_unique<parallax::StanceSession>(resources);
  // One line in, one line out, nothing held back: memory stays bounded on any input size.
  while (std::getline(in, line)) {
    emit(in, stance ? stance->lines(line, stemmer)
                    : parallax::map_jsonl(line, resources, stemmer, per_line));
  }
  std::cout.flush();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "parallax " << parallax::version() << "\n";
    return 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command != "compare" && command != "match" && command != "stance") {
    return usage_error("unknown command " + command);
  }
  // Options every command takes: where the learned resources are.
  ResourceChoice choice;
  for (std::size_t i = 0; i < args.size();) {
    if (args[i] == "--no-resources") {
      choice.use = false;
      args.erase(args.begin() + static_cast<long>(i));
    } else if (args[i] == "--resources") {
      if (i + 1 >= args.size()) return usage_error("--resources needs a directory");
      choice.dir_flag = args[i + 1];
      args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
    } else {
      ++i;
    }
  }
  if (command == "compare") return run_compare(args, choice);
  if (command == "match")
    return run_jsonl(args, choice, /*needs_resources=*/true, parallax::match_jsonl_line);
  return run_jsonl(args, choice, /*needs_resources=*/true, parallax::stance_jsonl_line);
}
