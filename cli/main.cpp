// parallax: the command-line shell over the core API (core/api/parallax.h).
// All analysis happens in the core; this file only reads files, streams lines,
// prints, and turns errors into exit codes (0 ok, 1 cannot proceed, 2 usage).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "api/parallax.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "Usage:\n"
    "  parallax compare [--json] [--options JSON] FILE|DIR...\n"
    "      Align articles about one event. Prints a readable summary, or with --json the\n"
    "      parallax/1 document. Directories are read one level deep (.txt .md .html .htm .json).\n"
    "      --options takes a JSON object: {\"matchThreshold\":0.42,\"maxArticles\":5000,\n"
    "      \"maxFileBytes\":16777216,\"maxTotalBytes\":268435456}.\n"
    "  parallax match --jsonl [FILE|-]\n"
    "      Lines {\"id\",\"a\",\"b\"} -> {\"id\",\"same\",\"score\"}, one output line per input line.\n"
    "  parallax stance --jsonl [FILE|-]\n"
    "      Lines {\"id\",\"claim\",\"body\"} -> {\"id\",\"label\",\"related\"}\n"
    "      (label: agree, disagree, discuss or unrelated).\n"
    "  parallax --version | --help\n";

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

int run_compare(const std::vector<std::string>& args) {
  bool json = false;
  std::string options_json;
  std::vector<fs::path> paths;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") {
      json = true;
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
        if (entry.is_regular_file(error) && is_article_file(entry.path())) inside.push_back(entry.path());
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

  auto analysis = parallax::compare(inputs, options.value());
  if (!analysis.ok()) {
    std::cerr << "parallax: " << analysis.error().message << "\n";
    return 1;
  }
  for (const auto& notice : analysis.value().notices) {
    std::cerr << "parallax: " << notice.severity << ": " << notice.message << "\n";
  }
  if (json) {
    std::cout << parallax::report::to_json(analysis.value()) << "\n";
  } else {
    std::cout << parallax::report::to_summary(analysis.value());
  }
  return 0;
}

int run_jsonl(const std::vector<std::string>& args,
              std::string (*per_line)(std::string_view, parallax::represent::Stemmer&)) {
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
  if (source != "-") {
    file.open(source, std::ios::binary);
    if (!file) {
      std::cerr << "parallax: cannot open " << source << "\n";
      return 1;
    }
  }
  std::istream& in = source == "-" ? std::cin : file;
  parallax::represent::Stemmer stemmer;
  std::string line;
  // One line in, one line out, nothing held back: memory stays bounded on any input size.
  while (std::getline(in, line)) {
    const std::string out = parallax::map_jsonl(line, stemmer, per_line);
    std::cout << out;
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
  if (command == "compare") return run_compare(args);
  if (command == "match") return run_jsonl(args, parallax::match_jsonl_line);
  if (command == "stance") return run_jsonl(args, parallax::stance_jsonl_line);
  return usage_error("unknown command " + command);
}
