// libFuzzer's entry point for programs with their own main: runs the fuzzer with the command line and
// calls `test` for every input. Declared here so that Swift fuzz targets can call it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));
