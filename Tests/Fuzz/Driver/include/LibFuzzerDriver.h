// libFuzzer's entry point for programs with their own main, and the one call every Swift fuzz target's
// `main` makes.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));

/// Runs libFuzzer with the command line (corpus folders and `-flags`) on `test`, which never sees a null
/// pointer (the empty input comes as a valid pointer and size 0); returns libFuzzer's exit status.
int crimekit_fuzz_main(int argc, char **argv, int (*test)(const uint8_t *_Nonnull data, size_t size));
