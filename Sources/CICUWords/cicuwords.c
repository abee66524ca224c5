// ICU renames its C symbols with version macros (ubrk_open -> ubrk_open_72), which Swift
// cannot import: this file calls them from C and exposes one plain function.
#include "cicuwords.h"
#include <unicode/ubrk.h>
#include <unicode/utypes.h>

static _Thread_local UBreakIterator *iterator = NULL;

int32_t pg_word_boundaries(const uint16_t *text, int32_t length, int32_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    if (iterator == NULL) {
        iterator = ubrk_open(UBRK_WORD, "zh", NULL, 0, &status);
        if (U_FAILURE(status)) { iterator = NULL; return -1; }
    }
    ubrk_setText(iterator, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    for (int32_t b = ubrk_first(iterator); b != UBRK_DONE && count < capacity; b = ubrk_next(iterator)) {
        out[count++] = b;
    }
    return count;
}
