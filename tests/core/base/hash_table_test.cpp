#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/hash_table.h"

using parallax::FibonacciHash;
using parallax::Fnv1aHash;
using parallax::HashTable;
using parallax::IdIndex;
using parallax::SameBytes;

namespace {

// Every key on the same home slot: the worst case of linear probing.
struct ConstantHash {
  template <class Key>
  std::uint64_t operator()(const Key&) const {
    return 5;
  }
};

// Keys 16 * k land on one home slot of a 16-slot table under the identity hash; after a
// doubling only every other one does.
struct IdentityHash {
  std::uint64_t operator()(std::uint64_t key) const { return key; }
};

bool power_of_two(std::size_t n) {
  return n != 0 && (n & (n - 1)) == 0;
}

using PairScores = HashTable<std::uint64_t, double, FibonacciHash>;
using Words = HashTable<std::string_view, int, Fnv1aHash, SameBytes>;

}  // namespace

TEST_CASE("the hashes are the fixed functions the tables rely on", "[base]") {
  CHECK(Fnv1aHash{}("") == 0xcbf29ce484222325ull);  // FNV-1a's offset basis
  CHECK(Fnv1aHash{}("a") == 0xaf63dc4c8601ec8cull);
  CHECK(Fnv1aHash{}("foobar") == 0x85944171f73967e8ull);
  CHECK(FibonacciHash{}(0) == 0);
  CHECK(FibonacciHash{}(1) == 0x9e3779b9ull);  // the high half of 2^64 / phi
  CHECK(FibonacciHash{}(std::uint64_t{1} << 32) == 0x7f4a7c15ull);
  CHECK(SameBytes{}("abc", std::string("abc")));
  CHECK_FALSE(SameBytes{}("abc", "abd"));
  CHECK_FALSE(SameBytes{}("ab", "abc"));
}

TEST_CASE("HashTable: the empty table finds nothing", "[base]") {
  const PairScores empty;
  CHECK(empty.size() == 0);
  CHECK(empty.empty());
  CHECK(empty.capacity() == 16);
  CHECK(empty.find(0) == nullptr);
  CHECK(empty.find(~std::uint64_t{0}) == nullptr);  // every key is a key: no sentinel
  CHECK_FALSE(empty.contains(42));
  const Words words;
  CHECK(words.find("") == nullptr);
  CHECK(words.find("word") == nullptr);
}

TEST_CASE("HashTable: insert, find, operator[], find_or_insert", "[base]") {
  PairScores scores;
  CHECK(scores.insert(7, 0.5));
  CHECK_FALSE(scores.insert(7, 0.9));  // a present key keeps its value
  REQUIRE(scores.find(7) != nullptr);
  CHECK(*scores.find(7) == 0.5);
  CHECK(scores.find(8) == nullptr);  // a missing key
  CHECK(scores[8] == 0.0);           // value-initialised when added
  CHECK(scores.size() == 2);

  bool inserted = false;
  double& nine = scores.find_or_insert(9, &inserted);
  CHECK(inserted);
  CHECK(nine == 0.0);
  nine = 0.25;
  inserted = false;
  CHECK(scores.find_or_insert(9, &inserted) == 0.25);
  CHECK_FALSE(inserted);
  *scores.find(7) += 1;
  CHECK(*scores.find(7) == 1.5);
  CHECK(scores.insert(~std::uint64_t{0}, -1.0));  // all-ones is an ordinary key
  CHECK(*scores.find(~std::uint64_t{0}) == -1.0);
  CHECK(scores.size() == 4);
}

TEST_CASE("HashTable: grows past many doublings and keeps every pair", "[base]") {
  PairScores scores;  // 16 slots: about 13 doublings below
  const std::uint32_t n = 50000;
  const auto key = [](std::uint32_t i) { return std::uint64_t{i % 977} << 32 | (i * 2654435761u); };
  for (std::uint32_t i = 0; i < n; ++i) {
    REQUIRE(scores.insert(key(i), i * 0.5));
    REQUIRE(2 * scores.size() <= scores.capacity());  // at most half full
  }
  CHECK(scores.size() == n);
  CHECK(power_of_two(scores.capacity()));
  CHECK(scores.capacity() == 131072);  // the smallest power of two >= 2 * 50000
  std::size_t wrong = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const double* found = scores.find(key(i));
    if (found == nullptr || *found != i * 0.5) ++wrong;
  }
  CHECK(wrong == 0);
  std::size_t phantoms = 0;
  for (std::uint32_t i = 0; i < 1000; ++i) phantoms += scores.contains(key(i) ^ 1ull << 63);
  CHECK(phantoms == 0);
}

TEST_CASE("HashTable: the expected size avoids doublings", "[base]") {
  const PairScores sized(1000);
  CHECK(sized.capacity() == 2048);
  CHECK(PairScores(8).capacity() == 16);
  CHECK(PairScores(9).capacity() == 32);
  PairScores filled(1000);
  for (std::uint64_t k = 0; k < 1024; ++k) filled.insert(k, 1.0);
  CHECK(filled.capacity() == 2048);  // exactly half full, not doubled
  filled.insert(1024, 1.0);
  CHECK(filled.capacity() == 4096);
}

TEST_CASE("HashTable: keys that collide on the home slot", "[base]") {
  HashTable<std::uint64_t, int, ConstantHash> same_slot;
  for (int i = 0; i < 300; ++i) REQUIRE(same_slot.insert(static_cast<std::uint64_t>(i) * 3, i));
  for (int i = 0; i < 300; ++i) {
    const int* found = same_slot.find(static_cast<std::uint64_t>(i) * 3);
    REQUIRE(found != nullptr);
    CHECK(*found == i);
  }
  CHECK(same_slot.find(1) == nullptr);  // the probe ends at the first free slot
  CHECK(same_slot.find(3 * 300) == nullptr);

  // Collisions that the doublings split: 16 * k share slot 0 of 16 slots.
  HashTable<std::uint64_t, std::uint64_t, IdentityHash> strided;
  for (std::uint64_t k = 0; k < 64; ++k) strided[16 * k] = k + 1;
  for (std::uint64_t k = 0; k < 64; ++k) CHECK(strided[16 * k] == k + 1);
  CHECK(strided.size() == 64);
  CHECK(strided.find(8) == nullptr);
}

TEST_CASE("HashTable: string_view keys compare bytes, not addresses", "[base]") {
  Words words(4);
  const std::string text = "the cat saw the other cat";
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    ++words[std::string_view(text).substr(start, end - start)];
    start = end + 1;
  }
  CHECK(words.size() == 4);
  const std::string cat = "cat";  // another buffer, the same bytes
  REQUIRE(words.find(cat) != nullptr);
  CHECK(*words.find(cat) == 2);
  CHECK(*words.find("the") == 2);
  CHECK(words.find("ca") == nullptr);
  CHECK(words.find("cats") == nullptr);
  CHECK(words.find("") == nullptr);
  words.insert("");
  CHECK(words.contains(""));  // the empty view is an ordinary key
  CHECK(*words.find("") == 0);
}

TEST_CASE("IdIndex: the empty index finds nothing", "[base]") {
  const IdIndex<Fnv1aHash> empty;
  CHECK(empty.size() == 0);
  CHECK(empty.empty());
  CHECK(empty.capacity() == 0);  // no slots until the first add
  int tests = 0;
  CHECK(empty.find(std::string_view("x"), [&](std::uint32_t) { return ++tests > 0; }) ==
        IdIndex<Fnv1aHash>::kNone);
  CHECK(tests == 0);  // no id to test
  const IdIndex<Fnv1aHash> sized(100);
  CHECK(sized.capacity() == 256);
  CHECK(sized.find(std::string_view(""), [](std::uint32_t) { return true; }) ==
        IdIndex<Fnv1aHash>::kNone);
}

TEST_CASE("IdIndex: ids of strings in a growing vector, past many doublings", "[base]") {
  // The strings move when the vector grows: the index holds ids, never views.
  std::vector<std::string> keys;
  IdIndex<Fnv1aHash> index;
  const auto key_of = [&](std::uint32_t id) -> std::string_view { return keys[id]; };
  const auto find = [&](std::string_view key) {
    return index.find(key, [&](std::uint32_t id) { return keys[id] == key; });
  };
  for (int i = 0; i < 20000; ++i) {
    const std::string key = "term-" + std::to_string(i * 7919 % 20000);
    REQUIRE(find(key) == IdIndex<Fnv1aHash>::kNone);
    keys.push_back(key);
    index.add(static_cast<std::uint32_t>(keys.size() - 1), key_of);
    REQUIRE(2 * index.size() <= index.capacity());
  }
  CHECK(index.size() == 20000);
  CHECK(power_of_two(index.capacity()));
  std::size_t wrong = 0;
  for (std::uint32_t id = 0; id < keys.size(); ++id) wrong += find(std::string(keys[id])) != id;
  CHECK(wrong == 0);
  CHECK(find("term-20000") == IdIndex<Fnv1aHash>::kNone);
  CHECK(find("term-") == IdIndex<Fnv1aHash>::kNone);
  CHECK(find("") == IdIndex<Fnv1aHash>::kNone);
}

TEST_CASE("IdIndex: colliding keys, sparse ids, the caller's equality", "[base]") {
  // Every key on one home slot; ids need not be dense or in order.
  const std::vector<std::string> keys = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                                         "k", "l", "m", "n", "o", "p", "q", "r", "s", "t"};
  IdIndex<ConstantHash> index;
  const auto key_of = [&](std::uint32_t id) -> std::string_view { return keys[id]; };
  for (const std::uint32_t id : {19u, 3u, 11u, 0u, 7u, 15u, 1u, 12u, 4u, 18u}) {
    index.add(id, key_of);
  }
  CHECK(index.size() == 10);
  CHECK(index.capacity() == 32);  // doubled once, every id placed again
  const auto find = [&](std::string_view key) {
    return index.find(key, [&](std::uint32_t id) { return keys[id] == key; });
  };
  CHECK(find("t") == 19);
  CHECK(find("d") == 3);
  CHECK(find("a") == 0);
  CHECK(find("e") == 4);
  CHECK(find("c") == IdIndex<ConstantHash>::kNone);  // in keys, never added
  CHECK(find("z") == IdIndex<ConstantHash>::kNone);
  // The equality test is the caller's: here it ignores ASCII case.
  const auto lower_is = [&](std::string_view key) {
    return [&keys, key](std::uint32_t id) {
      return keys[id].size() == key.size() && (keys[id][0] | 0x20) == (key[0] | 0x20);
    };
  };
  CHECK(index.find(std::string_view("L"), lower_is("L")) == 11);
}
