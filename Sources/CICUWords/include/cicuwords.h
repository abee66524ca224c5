#ifndef CICUWORDS_H
#define CICUWORDS_H
#include <stdint.h>

/// Word boundaries of UTF-16 text by ICU's dictionary-based word break iterator
/// (Chinese words from ICU's own dictionary). Writes up to `capacity` boundary offsets,
/// in UTF-16 units, into `out`, the first being 0 and the last `length`; returns how
/// many it wrote, or -1 when ICU fails. One iterator per thread is kept open.
int32_t pg_word_boundaries(const uint16_t *text, int32_t length, int32_t *out, int32_t capacity);

#endif
