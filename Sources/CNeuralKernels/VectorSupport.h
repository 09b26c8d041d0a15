#ifndef CRIMEKIT_VECTOR_SUPPORT_H
#define CRIMEKIT_VECTOR_SUPPORT_H

// What the kernel files share: eight-float vectors through clang's vector extensions, unaligned loads and
// stores, padded partial loads, and DISPATCH, which runs a kernel's AVX2+FMA build on processors that have
// those instructions (checked once, see CPUFeatures.c) and its baseline build elsewhere.

#pragma clang diagnostic ignored "-Wpsabi"  // the vector helpers are always inlined, so no vector crosses a call boundary
#include <string.h>

typedef float v8f __attribute__((vector_size(32), aligned(4)));
typedef int v8i __attribute__((vector_size(32), aligned(4)));

#define INLINE static inline __attribute__((always_inline))

INLINE v8f load8(const float *p) { v8f v; memcpy(&v, p, sizeof v); return v; }
INLINE void store8(float *p, v8f v) { memcpy(p, &v, sizeof v); }
INLINE v8f splat(float x) { return (v8f){x, x, x, x, x, x, x, x}; }

// `n` ≤ 8 lanes through a zero-padded copy (a NULL `p` reads zeros).
INLINE v8f load_n(const float *p, long n) {
    if (n == 8) return load8(p);
    float t[8] = {0};
    if (p) memcpy(t, p, (size_t)n * sizeof(float));
    return load8(t);
}

INLINE void store_n(float *p, v8f v, long n) {
    if (n == 8) { store8(p, v); return; }
    float t[8];
    store8(t, v);
    memcpy(p, t, (size_t)n * sizeof(float));
}

#if defined(__x86_64__)
#define WIDE __attribute__((target("avx2,fma")))
/// 1 when the processor and the operating system support AVX2 and FMA.
int nk_has_avx2_fma(void);
#define DISPATCH(wide_call, base_call) \
    if (nk_has_avx2_fma()) { wide_call; } else { base_call; }
#else
#define DISPATCH(wide_call, base_call) base_call;
#endif

#endif
