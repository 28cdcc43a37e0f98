// File helpers shared by the native training tools (tools/<name>/, never the core: core/ does
// no I/O). Header only: tools/CMakeLists.txt builds a tool from each folder with .cpp files.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace parallax::tools {

/// The whole file at `path`, as bytes, in `out`; false (out untouched) when it cannot be opened.
inline bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

}  // namespace parallax::tools
