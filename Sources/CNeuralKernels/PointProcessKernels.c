#include "PointProcessKernels.h"
#include "VectorSupport.h"
#include "VectorExp.h"

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
