#ifndef CRIMEKIT_VECTOR_EXP_H
#define CRIMEKIT_VECTOR_EXP_H

// Four doubles at a time through clang's vector extensions, and e^x on them; shared by the point-process
// and boosting kernels.

#include "VectorSupport.h"

typedef double v4d __attribute__((vector_size(32), aligned(8)));
typedef long v4l __attribute__((vector_size(32), aligned(8)));

INLINE v4d splat4(double x) { return (v4d){x, x, x, x}; }

// e^x for x up to 709 (clamped there), 0 below -708 (where e^x leaves the normal numbers): x = n ln 2 + r with |r| <= ln 2 / 2 (ln 2 split in a high part exact
// in 32 bits and a low part), e^r by its Taylor polynomial to degree 13 (truncation below 2e-17 relative),
// times 2^n built in the exponent bits. About 1 ulp.
INLINE v4d vexp4(v4d input) {
    v4d x = __builtin_elementwise_min(__builtin_elementwise_max(input, splat4(-708.0)), splat4(709.0));
    const v4d magic = splat4(6755399441055744.0);  // 1.5 * 2^52: adding it rounds to an integer in the low bits
    v4d shifted = x * 1.4426950408889634 + magic;
    v4d n = shifted - magic;
    v4d r = x - n * 0.693147180369123816490;
    r = r - n * 1.90821492927058770002e-10;
    v4d p = splat4(1.0 / 6227020800.0);
    p = p * r + 1.0 / 479001600.0;
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    p = p * r + 1.0;
    p = p * r + 1.0;
    v4l integer = (v4l)shifted - (v4l)magic;
    v4d scale = (v4d)((integer + 1023) << 52);
    return (v4d)((v4l)(p * scale) & (input >= -708.0));
}

INLINE v4d load4(const double *p) { v4d v; memcpy(&v, p, sizeof v); return v; }
INLINE void store4(double *p, v4d v) { memcpy(p, &v, sizeof v); }

#endif
