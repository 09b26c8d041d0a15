#include "PointProcessKernels.h"
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

INLINE double trigger_body(const double *pairs, long n, double scale, double omega, double two_sigma2,
                           double start, double *out) {
    long k = 0;
    for (; k + 4 <= n; k += 4) {
        v4d a = load4(pairs + 2 * k), b = load4(pairs + 2 * k + 4);
        v4d delay = __builtin_shufflevector(a, b, 0, 2, 4, 6);
        v4d d2 = __builtin_shufflevector(a, b, 1, 3, 5, 7);
        store4(out + k, splat4(scale) * vexp4(-omega * delay - d2 / two_sigma2));
    }
    if (k < n) {
        double padded[8] = {0}, rest[4];
        memcpy(padded, pairs + 2 * k, (size_t)(2 * (n - k)) * sizeof(double));
        v4d a = load4(padded), b = load4(padded + 4);
        v4d delay = __builtin_shufflevector(a, b, 0, 2, 4, 6);
        v4d d2 = __builtin_shufflevector(a, b, 1, 3, 5, 7);
        store4(rest, splat4(scale) * vexp4(-omega * delay - d2 / two_sigma2));
        memcpy(out + k, rest, (size_t)(n - k) * sizeof(double));
    }
    double sum = start;
    for (long i = 0; i < n; i++) sum += out[i];
    return sum;
}

INLINE double offspring_body(const double *t, long n, double duration, double omega, double window) {
    double sum = 0, part[4];
    for (long k = 0; k < n; k += 4) {
        long lanes = n - k < 4 ? n - k : 4;
        double padded[4] = {0};
        memcpy(padded, t + k, (size_t)lanes * sizeof(double));
        v4d span = __builtin_elementwise_min(duration - load4(padded), splat4(window));
        store4(part, 1.0 - vexp4(-omega * span));
        for (long i = 0; i < lanes; i++) sum += part[i];
    }
    return sum;
}

#if defined(__x86_64__)
WIDE static double trigger_wide(const double *pairs, long n, double scale, double omega, double two_sigma2,
                                double start, double *out) {
    return trigger_body(pairs, n, scale, omega, two_sigma2, start, out);
}
WIDE static double offspring_wide(const double *t, long n, double duration, double omega, double window) {
    return offspring_body(t, n, duration, omega, window);
}
#endif

double pp_trigger_kernels(const double *pairs, long n, double scale, double omega, double two_sigma2,
                          double start, double *out) {
    DISPATCH(return trigger_wide(pairs, n, scale, omega, two_sigma2, start, out),
             return trigger_body(pairs, n, scale, omega, two_sigma2, start, out))
}

double pp_offspring_mass(const double *t, long n, double duration, double omega, double window) {
    DISPATCH(return offspring_wide(t, n, duration, omega, window), return offspring_body(t, n, duration, omega, window))
}
