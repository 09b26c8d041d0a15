#include "BoostingKernels.h"
#include "VectorSupport.h"
#include "VectorExp.h"

// How many list positions ahead a row's data is prefetched.
enum { AHEAD = 32 };

INLINE unsigned char bin_code(const double *edges, double value) {
    long position = 0;
    for (long step = 128; step > 0; step >>= 1) position += edges[position + step - 1] < value ? step : 0;
    return (unsigned char)position;
}

void bk_bin_codes(const double *values, long count, const double *edges, unsigned char *codes) {
    long i = 0;
    for (; i + 8 <= count; i += 8) {
        // Fully unrolled, so the eight positions stay in registers (at -O2 they would not).
        long p[8] = {0};
#pragma clang loop unroll(full)
        for (long step = 128; step > 0; step >>= 1) {
#pragma clang loop unroll(full)
            for (int k = 0; k < 8; k++) p[k] += edges[p[k] + step - 1] < values[i + k] ? step : 0;
        }
#pragma clang loop unroll(full)
        for (int k = 0; k < 8; k++) codes[i + k] = (unsigned char)p[k];
    }
    for (; i < count; i++) codes[i] = bin_code(edges, values[i]);
}

// Adds one row to every feature of `histogram`.
INLINE void add_row(bk_histogram_bin *histogram, long stride, const unsigned char *codes, long columns,
                    double g, double h, int with_hessian, int with_count) {
    bk_histogram_bin *bins = histogram;
    for (long f = 0; f < columns; f++, bins += stride) {
        bk_histogram_bin *bin = bins + codes[f];
        bin->gradient += g;
        if (with_hessian) bin->hessian += h;
        if (with_count) bin->count += 1;
    }
}

INLINE void histogram_body(bk_histogram_bin *histogram, long stride, const unsigned char *row_codes, long columns,
                           const unsigned *rows, long begin, long end, const float *gradients,
                           const float *hessians, int with_hessian, int with_count) {
    if (!rows) {
        for (long r = begin; r < end; r++)
            add_row(histogram, stride, row_codes + r * columns, columns, gradients[r],
                    with_hessian ? hessians[r] : 0, with_hessian, with_count);
        return;
    }
    long k = begin;
    for (; k + AHEAD < end; k++) {
        long ahead = rows[k + AHEAD];
        __builtin_prefetch(row_codes + ahead * columns);
        __builtin_prefetch(row_codes + ahead * columns + columns - 1);
        __builtin_prefetch(gradients + ahead);
        if (with_hessian) __builtin_prefetch(hessians + ahead);
        long r = rows[k];
        add_row(histogram, stride, row_codes + r * columns, columns, gradients[r],
                with_hessian ? hessians[r] : 0, with_hessian, with_count);
    }
    for (; k < end; k++) {
        long r = rows[k];
        add_row(histogram, stride, row_codes + r * columns, columns, gradients[r],
                with_hessian ? hessians[r] : 0, with_hessian, with_count);
    }
}

void bk_histogram(bk_histogram_bin *histogram, long stride, const unsigned char *row_codes, long columns,
                  const unsigned *rows, long begin, long end, const float *gradients, const float *hessians,
                  int count_rows) {
    // One build per combination, so the inner loop tests nothing.
    if (hessians && count_rows)
        histogram_body(histogram, stride, row_codes, columns, rows, begin, end, gradients, hessians, 1, 1);
    else if (hessians)
        histogram_body(histogram, stride, row_codes, columns, rows, begin, end, gradients, hessians, 1, 0);
    else if (count_rows)
        histogram_body(histogram, stride, row_codes, columns, rows, begin, end, gradients, hessians, 0, 1);
    else
        histogram_body(histogram, stride, row_codes, columns, rows, begin, end, gradients, hessians, 0, 0);
}

long bk_partition(const unsigned char *column, unsigned char bin, const unsigned *source, unsigned *order,
                  unsigned *scratch, long begin, long end) {
    long l = begin, r = begin;
    for (long k = begin; k < end; k++) {
        if (source && k + AHEAD < end) __builtin_prefetch(column + source[k + AHEAD]);
        // Branch-free: the row is written to both sides and only one side advances. In place (source ==
        // order) this is safe: l <= k, so no row is overwritten before it is read.
        unsigned row = source ? source[k] : (unsigned)k;
        long left = column[row] <= bin;
        order[l] = row;
        scratch[r] = row;
        l += left;
        r += 1 - left;
    }
    return l - begin;
}

void bk_add_leaf_value(double *raw, const unsigned *order, long begin, long end, double value) {
    for (long k = begin; k < end; k++) {
        if (k + AHEAD < end) __builtin_prefetch(raw + order[k + AHEAD], 1);
        raw[order[k]] += value;
    }
}

INLINE void poisson_body(const double *y, const double *raw, long count, float *gradients, float *hessians) {
    long k = 0;
    for (; k + 4 <= count; k += 4) {
        v4d e = vexp4(load4(raw + k));
        v4d g = e - load4(y + k);
        for (int i = 0; i < 4; i++) {
            gradients[k + i] = (float)g[i];
            hessians[k + i] = (float)e[i];
        }
    }
    if (k < count) {
        double r[4] = {0}, t[4] = {0};
        memcpy(r, raw + k, (size_t)(count - k) * sizeof(double));
        memcpy(t, y + k, (size_t)(count - k) * sizeof(double));
        v4d e = vexp4(load4(r));
        v4d g = e - load4(t);
        for (long i = 0; i < count - k; i++) {
            gradients[k + i] = (float)g[i];
            hessians[k + i] = (float)e[i];
        }
    }
}

#if defined(__x86_64__)
WIDE static void poisson_wide(const double *y, const double *raw, long count, float *gradients, float *hessians) {
    poisson_body(y, raw, count, gradients, hessians);
}
#endif

void bk_poisson_gradients(const double *y, const double *raw, long count, float *gradients, float *hessians) {
    DISPATCH(poisson_wide(y, raw, count, gradients, hessians), poisson_body(y, raw, count, gradients, hessians))
}

void bk_predict_trees(const double *x, long columns, long count, const unsigned long long *nodes,
                      const long *starts, long tree_count, double *out) {
    for (long t = 0; t < tree_count; t++) {
        const unsigned long long *tree = nodes + starts[t];
        for (long r = 0; r < count; r++) {
            const double *row = x + r * columns;
            long at = 0;
            for (;;) {
                unsigned long long meta = tree[2 * at + 1];
                int feature = (int)(unsigned)meta;
                if (feature < 0) break;
                double threshold;
                memcpy(&threshold, tree + 2 * at, sizeof threshold);
                // A mask, not a branch: the comparison goes either way at random.
                long left = -(long)(row[feature] <= threshold);
                long right = (long)(int)(meta >> 32);
                at = right ^ ((right ^ (at + 1)) & left);
            }
            double value;
            memcpy(&value, tree + 2 * at, sizeof value);
            out[r] += value;
        }
    }
}

void bk_spin_pause(void) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}
