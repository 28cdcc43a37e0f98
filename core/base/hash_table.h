// The core's two open-addressing hash tables, written once (every stage may include core/base):
//
//   HashTable<Key, Value, Hash, Equal>  keys and values live in the table (pair keys -> scores in
//                                       align/claims.cpp, word views -> entries in stance/).
//   IdIndex<Hash>                       slots hold ids into keys the caller owns and keeps
//                                       (represent::Vocabulary's strings, the front-coded word
//                                       lists of the WordNet and part-of-speech resources); the
//                                       equality test is supplied at each lookup.
//
// What both guarantee, and what their users rely on:
//   - power-of-two capacity (at least 16), at most half full, linear probing, doubled when an
//     insert would pass half; no node per key (flat vectors only);
//   - the hash is passed in: a deterministic function of the key's bytes (Fnv1aHash for text,
//     FibonacciHash for 64-bit pair keys), never std::hash, which differs between builds and in
//     32-bit WebAssembly is a murmur hash (slow for these keys). Only the low bits of the hash
//     pick the home slot (`hash & (capacity - 1)`), the same natively and in WASM;
//   - lookups and inserts only: nothing iterates either table, so their order can never reach
//     any output. There is no erase.
// Failure: none as values; memory exhaustion is std::bad_alloc as for any vector. A table over
// n keys holds at least 2n slots (up to 4n once it has grown, more when sized ahead). Keys of
// HashTable must be cheap to copy (integers, views: a string_view key must outlive the
// table); IdIndex keeps ids below 0xffffffff.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "base/base.h"

namespace parallax {

/// FNV-1a (64 bit, base.h's fnv1a64) of a view's bytes: the hash of every text-keyed table.
struct Fnv1aHash {
  std::uint64_t operator()(std::string_view key) const { return fnv1a64(key); }
};

/// Fibonacci hashing of a 64-bit key: the high half of key x 2^64/phi, whose low bits mix every
/// bit of the key (a pair of 32-bit ids packed as hi << 32 | lo).
struct FibonacciHash {
  std::uint64_t operator()(std::uint64_t key) const { return (key * 0x9e3779b97f4a7c15ull) >> 32; }
};

/// Byte equality of views with base.h's inline same_bytes (no memcmp call in WebAssembly).
struct SameBytes {
  bool operator()(std::string_view a, std::string_view b) const { return same_bytes(a, b); }
};

namespace hash_table_detail {
/// Slots for `expected` keys: the smallest power of two >= 16 that keeps them at most half full.
inline std::size_t capacity_for(std::size_t expected) {
  std::size_t capacity = 16;
  while (capacity < 2 * expected) capacity *= 2;
  return capacity;
}
}  // namespace hash_table_detail

/// Key -> Value with the keys in the table. A value is value-initialised when its key is added.
template <class Key, class Value, class Hash, class Equal = std::equal_to<Key>>
class HashTable {
 public:
  /// Room for `expected` keys before the first doubling.
  explicit HashTable(std::size_t expected = 0) {
    rehash(hash_table_detail::capacity_for(expected));
  }

  /// The value of `key`, or null.
  const Value* find(const Key& key) const {
    const std::size_t slot = slot_of(key);
    return used_[slot] != 0 ? &values_[slot] : nullptr;
  }
  Value* find(const Key& key) {
    const std::size_t slot = slot_of(key);
    return used_[slot] != 0 ? &values_[slot] : nullptr;
  }
  bool contains(const Key& key) const { return find(key) != nullptr; }

  /// The value of `key`; when absent, `key` is added with a value-initialised Value and
  /// `*inserted` (if given) is set to true. One probe sequence either way. The reference stays
  /// valid until the next insert.
  Value& find_or_insert(const Key& key, bool* inserted = nullptr) {
    std::size_t slot = slot_of(key);
    if (used_[slot] == 0) {
      if (2 * (size_ + 1) > used_.size()) {
        rehash(2 * used_.size());
        slot = slot_of(key);
      }
      used_[slot] = 1;
      keys_[slot] = key;
      values_[slot] = Value();
      ++size_;
      if (inserted != nullptr) *inserted = true;
    }
    return values_[slot];
  }
  Value& operator[](const Key& key) { return find_or_insert(key); }
  /// Adds `key` with `value` when absent (a present key keeps its value, as std::map::insert);
  /// true when it was added.
  bool insert(const Key& key, Value value = Value()) {
    bool inserted = false;
    Value& slot = find_or_insert(key, &inserted);
    if (inserted) slot = std::move(value);
    return inserted;
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  /// Slots: a power of two, at least 16 and at least 2 * size().
  std::size_t capacity() const { return used_.size(); }

 private:
  // The slot that holds `key`, or the free slot where it would go (never full: at most half).
  std::size_t slot_of(const Key& key) const {
    const std::size_t mask = used_.size() - 1;
    std::size_t slot = static_cast<std::size_t>(Hash{}(key)) & mask;
    while (used_[slot] != 0 && !Equal{}(keys_[slot], key)) slot = (slot + 1) & mask;
    return slot;
  }
  void rehash(std::size_t capacity) {
    std::vector<Key> keys(capacity);
    std::vector<Value> values(capacity);
    std::vector<std::uint8_t> used(capacity, 0);
    keys.swap(keys_);
    values.swap(values_);
    used.swap(used_);
    for (std::size_t k = 0; k < used.size(); ++k) {
      if (used[k] == 0) continue;
      const std::size_t slot = slot_of(keys[k]);
      used_[slot] = 1;
      keys_[slot] = std::move(keys[k]);
      values_[slot] = std::move(values[k]);
    }
  }

  std::vector<Key> keys_;
  std::vector<Value> values_;
  std::vector<std::uint8_t> used_;  // 1: the slot holds a key
  std::size_t size_ = 0;
};

/// Ids (< kNone) of keys kept by the caller: each slot holds id + 1, 0 when free. The table
/// never sees a key it stores, only its hash: `add` is given the id and a function that returns
/// the key of any id added so far (for the doubling, which places every id again), and `find`
/// the key sought and a test of whether an id's key is that key. Use it where the keys cannot
/// be stored as views (strings in a vector that grows move) or already sit in one buffer.
template <class Hash>
class IdIndex {
 public:
  static constexpr std::uint32_t kNone = 0xffffffffu;

  /// Room for `expected` ids before the first doubling; 0: no slots until the first add.
  explicit IdIndex(std::size_t expected = 0) {
    if (expected > 0) slots_.assign(hash_table_detail::capacity_for(expected), 0);
  }

  /// The id whose key is `key` (`is_key(id)` true), or kNone.
  template <class Key, class IsKey>
  std::uint32_t find(const Key& key, IsKey is_key) const {
    if (slots_.empty()) return kNone;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = static_cast<std::size_t>(Hash{}(key)) & mask;;
         slot = (slot + 1) & mask) {
      const std::uint32_t stored = slots_[slot];
      if (stored == 0) return kNone;
      if (is_key(stored - 1)) return stored - 1;
    }
  }

  /// Records `id`, whose key is `key_of(id)`; the caller makes sure that key is not there yet
  /// (find first). `key_of` must answer for every id added before.
  template <class KeyOf>
  void add(std::uint32_t id, KeyOf key_of) {
    if (2 * (count_ + 1) > slots_.size()) {
      std::vector<std::uint32_t> old(
          slots_.empty() ? hash_table_detail::capacity_for(count_ + 1) : 2 * slots_.size(), 0);
      old.swap(slots_);
      for (const std::uint32_t stored : old) {
        if (stored != 0) place(stored - 1, key_of);
      }
    }
    place(id, key_of);
    ++count_;
  }

  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  /// Slots: 0 before the first add, then a power of two, at least 16 and at least 2 * size().
  std::size_t capacity() const { return slots_.size(); }

 private:
  template <class KeyOf>
  void place(std::uint32_t id, KeyOf& key_of) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = static_cast<std::size_t>(Hash{}(key_of(id))) & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = id + 1;
  }

  std::vector<std::uint32_t> slots_;  // id + 1, 0 when free
  std::size_t count_ = 0;
};

}  // namespace parallax
