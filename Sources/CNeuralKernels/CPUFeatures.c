#include "VectorSupport.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <stdatomic.h>

// AVX (CPUID.1:ECX bit 28), FMA (bit 12), OSXSAVE (bit 27) with the OS saving YMM state (XGETBV bits 1
// and 2), and AVX2 (CPUID.7.0:EBX bit 5).
static int detect(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (!((c >> 12) & 1) || !((c >> 27) & 1) || !((c >> 28) & 1)) return 0;
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 6) != 6) return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b >> 5) & 1;
}

static atomic_int state = -1;

int nk_has_avx2_fma(void) {
    int s = atomic_load_explicit(&state, memory_order_relaxed);
    if (s < 0) {
        s = detect();
        atomic_store_explicit(&state, s, memory_order_relaxed);
    }
    return s;
}
#endif
