// libFuzzer itself is linked in by -sanitize=fuzzer; this file holds the targets' shared entry point.
#include "LibFuzzerDriver.h"

static int (*target_test)(const uint8_t *_Nonnull data, size_t size);

static int non_null_test(const uint8_t *data, size_t size) {
    static const uint8_t empty = 0;
    return target_test(data ? data : &empty, size);
}

int crimekit_fuzz_main(int argc, char **argv, int (*test)(const uint8_t *_Nonnull data, size_t size)) {
    target_test = test;
    return LLVMFuzzerRunDriver(&argc, &argv, non_null_test);
}
