#!/usr/bin/env bash
# scripts/check-core.sh [DIR]: static checks that core/ (or DIR) stays a plain, portable
# library that both the CLI and the WebAssembly module can use:
#   - no Emscripten headers (bindings belong in wasm/)
#   - no I/O or process control: <iostream>, <fstream>, printf/puts, std::cout/cerr/clog,
#     exit(, abort(, std::terminate(
#   - no mutable global state: non-const `static`/`thread_local` variables (namespace,
#     class or function scope) and non-const variables defined at namespace scope
#     (column 0, as clang-format lays them out). Best effort: a line-based heuristic.
# Comments and string literals are ignored. A line that must stay as it is can end with
# the comment `// check-core: allow (reason)`.
# Prints one line per finding (file:line: rule: code) and a summary; exits 1 on findings.
set -euo pipefail
export PARALLAX_SCRIPT='check-core' # the name log() prints
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

dir=${1:-core}
[[ -d $dir ]] || die "no such directory: $dir"
mapfile -d '' files < <(find "$dir" -type f \( -name '*.cpp' -o -name '*.cc' -o -name '*.h' -o -name '*.hpp' \) -print0 | sort -z)
if [[ ${#files[@]} -eq 0 ]]; then
  log "no C++ files under $dir/: nothing to check"
  exit 0
fi

perl -e '
use strict; use warnings;
my ($findings, $nfiles) = (0, 0);
sub report { my ($f, $n, $rule, $code) = @_; $code =~ s/^\s+|\s+$//g; print "$f:$n: $rule: $code\n"; $findings++; }
for my $file (@ARGV) {
  open(my $fh, "<", $file) or die "$file: $!";
  local $/; my $src = <$fh>; close $fh; $nfiles++;
  my @raw = split /\n/, $src, -1;
  # Blank out comments, string and char literals, keeping newlines so line numbers hold.
  (my $code = $src) =~ s{
      (//[^\n]*)                                  # line comment
    | (/\*.*?\*/)                                 # block comment
    | (R"([^(\s]*)\(.*?\)\4")                     # raw string
    | ("(?:\\.|[^"\\\n])*")                       # string
    | (\x27(?:\\.|[^\x27\\\n])*\x27)              # char literal
  }{ my $m = $&; $m =~ s/[^\n]/ /g; (defined $1 || defined $2) ? $m : "\"" . substr($m, 1, -1) . "\"" }gsex;
  my @lines = split /\n/, $code, -1;
  my $depth_fn = 0;
  for my $i (0 .. $#lines) {
    my $l = $lines[$i]; my $n = $i + 1;
    next if $raw[$i] =~ m{//\s*check-core:\s*allow};
    if ($l =~ /#\s*include\s*[<"]emscripten/ || $l =~ /\bEMSCRIPTEN_(BINDINGS|KEEPALIVE)\b/) {
      report($file, $n, "emscripten in core (bindings belong in wasm/)", $raw[$i]);
    }
    if ($l =~ /#\s*include\s*<(iostream|fstream|cstdio|stdio\.h)>/) {
      # <cstdio> is allowed for snprintf; flag it only with a printing call (below).
      report($file, $n, "I/O header <$1> in core", $raw[$i]) if $1 eq "iostream" || $1 eq "fstream";
    }
    if ($l =~ /\b(printf|fprintf|vprintf|puts|fputs|putchar|perror|fopen|fwrite)\s*\(/) {
      report($file, $n, "I/O call $1() in core", $raw[$i]);
    }
    if ($l =~ /\bstd::(cout|cerr|clog|cin)\b/) { report($file, $n, "std::$1 in core", $raw[$i]); }
    if ($l =~ /(?<![\w.>:])(?:std::)?(exit|_Exit|quick_exit|abort|terminate)\s*\(/ && $l !~ /^\s*#/) {
      report($file, $n, "$1() in core (return a Result instead)", $raw[$i]);
    }
    # static / thread_local variables that are not const: mutable shared state.
    if ($l =~ /^\s*(?:inline\s+)?(?:static|thread_local)\b(.*)$/) {
      my $decl = $1;
      # Take the declaration up to its initializer / end (join continuation lines).
      my $j = $i;
      while ($decl !~ /[;={]/ && $j < $#lines && $j < $i + 5) { $j++; $decl .= " " . $lines[$j]; }
      (my $head = $decl) =~ s/[;={].*//s;
      my $is_const = $head =~ /\b(const|constexpr)\b/;
      my $is_func = $head =~ /\(/;   # a function (or a rare paren-initialised variable)
      my $is_type = $head =~ /^\s*(?:struct|class|enum|union)\b/;
      if (!$is_const && !$is_func && !$is_type) {
        report($file, $n, "mutable static variable (global state)", $raw[$i]);
      }
    }
    # Non-const variable definitions at namespace scope (column 0).
    elsif ($l =~ /^(?!(?:using|typedef|namespace|template|class|struct|enum|union|friend|return|extern|static_assert|public|private|protected|case|default|goto|operator)\b)[A-Za-z_][\w:]*(?:\s*<[^;(){}]*>)?[\s\*&]+\**&?\s*[A-Za-z_]\w*\s*(?:\[[^\]]*\]\s*)?(?:=[^=]|\{|;)/
           && $l !~ /\b(const|constexpr)\b/ && $l !~ /\(/) {
      report($file, $n, "mutable namespace-scope variable (global state)", $raw[$i]);
    }
  }
}
printf "check-core: %d file(s) checked, %d finding(s)\n", $nfiles, $findings;
exit($findings ? 1 : 0);
' "${files[@]}"
