#include "ConvBlockKernels.h"
#include "VectorSupport.h"

// ---- helpers ----

INLINE long lanes(long c, long j) { return c - j < 8 ? c - j : 8; }

INLINE v8f select8(v8i mask, v8f a, v8f b) { return (v8f)(((v8i)a & mask) | ((v8i)b & ~mask)); }

INLINE v8f relu8(v8f v) { return select8(v < 0.0f, splat(0.0f), v); }

// The 2x2 window's maximum by PyTorch's rules and which of the four (0..3) it is.
INLINE v8f window_max(v8f y0, v8f y1, v8f y2, v8f y3, v8i *which) {
    v8f best = y0;
    v8i arg = (v8i){0, 0, 0, 0, 0, 0, 0, 0};
    v8f ys[3] = {y1, y2, y3};
    for (int k = 0; k < 3; k++) {
        v8f v = ys[k];
        v8i take = (v > best) | ((v != v) & (best == best));
        best = select8(take, v, best);
        arg = (take & (k + 1)) | (arg & ~take);
    }
    *which = arg;
    return best;
}

INLINE v8f normalise(v8f r, v8f mean, v8f scale, v8f shift) { return (r - mean) * scale + shift; }

// Adds `n` lanes of a float vector into doubles.
INLINE void add_double(double *d, v8f v, long n) {
    float t[8];
    store8(t, v);
    for (long k = 0; k < n; k++) d[k] += t[k];
}

// ---- bodies ----

INLINE void direct_body(const float *x, long h, long w, long cin, const float *wt, const float *bias, float *out, long cout) {
    for (long y = 0; y < h; y++) {
        for (long xx = 0; xx < w; xx++) {
            float *o = out + (y * w + xx) * cout;
            for (long j = 0; j < cout; j += 8) {
                long n = lanes(cout, j);
                v8f acc = load_n(bias + j, n);
                for (long ky = 0; ky < 3; ky++) {
                    long yy = y + ky - 1;
                    if (yy < 0 || yy >= h) continue;
                    for (long kx = 0; kx < 3; kx++) {
                        long xs = xx + kx - 1;
                        if (xs < 0 || xs >= w) continue;
                        const float *px = x + (yy * w + xs) * cin;
                        const float *pw = wt + (ky * 3 + kx) * cin * cout + j;
                        for (long c = 0; c < cin; c++) acc += splat(px[c]) * load_n(pw + c * cout, n);
                    }
                }
                store_n(o + j, acc, n);
            }
        }
    }
}

INLINE void direct_gradient_body(const float *x, const float *dz, long h, long w, long cin, long cout, double *dw) {
    for (long y = 0; y < h; y++) {
        const float *row = dz + y * w * cout;
        for (long j = 0; j < cout; j += 8) {
            long n = lanes(cout, j);
            for (long ky = 0; ky < 3; ky++) {
                long yy = y + ky - 1;
                if (yy < 0 || yy >= h) continue;
                for (long kx = 0; kx < 3; kx++) {
                    // output columns whose neighbour xx + kx - 1 lies inside the image
                    long first = kx == 0 ? 1 : 0, last = kx == 2 ? w - 1 : w;
                    for (long c = 0; c < cin; c++) {
                        const float *px = x + (yy * w + kx - 1) * cin + c;
                        v8f acc = splat(0.0f);
                        for (long xx = first; xx < last; xx++) acc += splat(px[xx * cin]) * load_n(row + xx * cout + j, n);
                        add_double(dw + ((ky * 3 + kx) * cin + c) * cout + j, acc, n);
                    }
                }
            }
        }
    }
}

INLINE void relu_sums_body(float *z, long rows, long c, double *sum, double *sq) {
    for (long j = 0; j < c; j++) sum[j] = sq[j] = 0;
    for (long r0 = 0; r0 < rows; r0 += 64) {
        long r1 = r0 + 64 < rows ? r0 + 64 : rows;
        for (long j = 0; j < c; j += 8) {
            long n = lanes(c, j);
            v8f s = splat(0.0f), q = splat(0.0f);
            for (long r = r0; r < r1; r++) {
                float *p = z + r * c + j;
                v8f v = relu8(load_n(p, n));
                store_n(p, v, n);
                s += v;
                q += v * v;
            }
            add_double(sum + j, s, n);
            add_double(sq + j, q, n);
        }
    }
}

INLINE void bn_maxpool_body(const float *r, long h, long w, long c, const float *mean, const float *scale, const float *shift, float *out) {
    long ho = h / 2, wo = w / 2;
    for (long oy = 0; oy < ho; oy++) {
        for (long ox = 0; ox < wo; ox++) {
            const float *p0 = r + ((2 * oy) * w + 2 * ox) * c, *p2 = p0 + w * c;
            float *o = out + (oy * wo + ox) * c;
            for (long j = 0; j < c; j += 8) {
                long n = lanes(c, j);
                v8f m = load_n(mean + j, n), a = load_n(scale + j, n), b = load_n(shift + j, n);
                v8i which;
                v8f best = window_max(normalise(load_n(p0 + j, n), m, a, b), normalise(load_n(p0 + c + j, n), m, a, b),
                                      normalise(load_n(p2 + j, n), m, a, b), normalise(load_n(p2 + c + j, n), m, a, b), &which);
                store_n(o + j, best, n);
            }
        }
    }
}

// The four positions of window (oy, ox), lanes j.., as pointers into r.
#define WINDOW(r, oy, ox)                                              \
    float *q0 = (r) + ((2 * (oy)) * w + 2 * (ox)) * c + j, *q1 = q0 + c; \
    float *q2 = q0 + w * c, *q3 = q2 + c;

INLINE void backward_sums_body(const float *r, const float *dp, long h, long w, long c, const float *mean, const float *scale,
                               const float *shift, const float *istd, double *sum_dy, double *sum_dy_xhat) {
    long ho = h / 2, wo = w / 2;
    float row_dy[c], row_dy_xhat[c];
    for (long j = 0; j < c; j++) sum_dy[j] = sum_dy_xhat[j] = 0;
    for (long oy = 0; oy < ho; oy++) {
        for (long j = 0; j < c; j++) row_dy[j] = row_dy_xhat[j] = 0;
        for (long ox = 0; ox < wo; ox++) {
            for (long j = 0; j < c; j += 8) {
                long n = lanes(c, j);
                v8f m = load_n(mean + j, n), a = load_n(scale + j, n), b = load_n(shift + j, n), is = load_n(istd + j, n);
                WINDOW((float *)r, oy, ox)
                v8f r0 = load_n(q0, n), r1 = load_n(q1, n), r2 = load_n(q2, n), r3 = load_n(q3, n);
                v8i which;
                window_max(normalise(r0, m, a, b), normalise(r1, m, a, b), normalise(r2, m, a, b), normalise(r3, m, a, b), &which);
                v8f at = select8(which == 0, r0, select8(which == 1, r1, select8(which == 2, r2, r3)));
                v8f g = load_n(dp + (oy * wo + ox) * c + j, n);
                store_n(row_dy + j, load_n(row_dy + j, n) + g, n);
                store_n(row_dy_xhat + j, load_n(row_dy_xhat + j, n) + g * ((at - m) * is), n);
            }
        }
        for (long j = 0; j < c; j++) {
            sum_dy[j] += row_dy[j];
            sum_dy_xhat[j] += row_dy_xhat[j];
        }
    }
}

// dz for lanes at one position with upstream gradient g.
INLINE v8f input_gradient(v8f rv, v8f g, v8f m, v8f a, v8f is, v8f mdy, v8f mdx) {
    v8f dx = a * (g - mdy - ((rv - m) * is) * mdx);
    return select8(rv > 0.0f, dx, splat(0.0f));
}

INLINE void relu_backward_body(float *r, const float *dp, long h, long w, long c, const float *mean, const float *scale,
                               const float *shift, const float *istd, const float *mean_dy, const float *mean_dy_xhat, double *sum_dz) {
    long ho = h / 2, wo = w / 2;
    float row_dz[c];
    v8f zero = splat(0.0f);
    for (long j = 0; j < c; j++) sum_dz[j] = 0;
    for (long oy = 0; oy < ho; oy++) {
        for (long j = 0; j < c; j++) row_dz[j] = 0;
        for (long ox = 0; ox < wo; ox++) {
            for (long j = 0; j < c; j += 8) {
                long n = lanes(c, j);
                v8f m = load_n(mean + j, n), a = load_n(scale + j, n), b = load_n(shift + j, n), is = load_n(istd + j, n);
                v8f mdy = load_n(mean_dy + j, n), mdx = load_n(mean_dy_xhat + j, n);
                WINDOW(r, oy, ox)
                v8f r0 = load_n(q0, n), r1 = load_n(q1, n), r2 = load_n(q2, n), r3 = load_n(q3, n);
                v8i which;
                window_max(normalise(r0, m, a, b), normalise(r1, m, a, b), normalise(r2, m, a, b), normalise(r3, m, a, b), &which);
                v8f g = load_n(dp + (oy * wo + ox) * c + j, n);
                v8f d0 = input_gradient(r0, select8(which == 0, g, zero), m, a, is, mdy, mdx);
                v8f d1 = input_gradient(r1, select8(which == 1, g, zero), m, a, is, mdy, mdx);
                v8f d2 = input_gradient(r2, select8(which == 2, g, zero), m, a, is, mdy, mdx);
                v8f d3 = input_gradient(r3, select8(which == 3, g, zero), m, a, is, mdy, mdx);
                store_n(q0, d0, n);
                store_n(q1, d1, n);
                store_n(q2, d2, n);
                store_n(q3, d3, n);
                store_n(row_dz + j, load_n(row_dz + j, n) + ((d0 + d1) + (d2 + d3)), n);
            }
        }
        for (long j = 0; j < c; j++) sum_dz[j] += row_dz[j];
    }
    // positions outside every window (the last row or column of an odd image) receive no pooled gradient
    for (long y = 0; y < h; y++) {
        for (long x = (y < 2 * ho ? 2 * wo : 0); x < w; x++) {
            for (long j = 0; j < c; j += 8) {
                long n = lanes(c, j);
                float *q = r + (y * w + x) * c + j;
                v8f d = input_gradient(load_n(q, n), zero, load_n(mean + j, n), load_n(scale + j, n), load_n(istd + j, n),
                                       load_n(mean_dy + j, n), load_n(mean_dy_xhat + j, n));
                store_n(q, d, n);
                add_double(sum_dz + j, d, n);
            }
        }
    }
}

// ---- one build per instruction set ----

#if defined(__x86_64__)
WIDE static void direct_wide(const float *x, long h, long w, long cin, const float *wt, const float *bias, float *out, long cout) {
    direct_body(x, h, w, cin, wt, bias, out, cout);
}
WIDE static void direct_gradient_wide(const float *x, const float *dz, long h, long w, long cin, long cout, double *dw) {
    direct_gradient_body(x, dz, h, w, cin, cout, dw);
}
WIDE static void relu_sums_wide(float *z, long rows, long c, double *sum, double *sq) { relu_sums_body(z, rows, c, sum, sq); }
WIDE static void bn_maxpool_wide(const float *r, long h, long w, long c, const float *m, const float *a, const float *b, float *out) {
    bn_maxpool_body(r, h, w, c, m, a, b, out);
}
WIDE static void backward_sums_wide(const float *r, const float *dp, long h, long w, long c, const float *m, const float *a,
                                    const float *b, const float *is, double *s, double *sx) {
    backward_sums_body(r, dp, h, w, c, m, a, b, is, s, sx);
}
WIDE static void relu_backward_wide(float *r, const float *dp, long h, long w, long c, const float *m, const float *a, const float *b,
                                    const float *is, const float *mdy, const float *mdx, double *s) {
    relu_backward_body(r, dp, h, w, c, m, a, b, is, mdy, mdx, s);
}
#endif

void nk_conv3x3_direct(const float *x, long h, long w, long cin, const float *weight, const float *bias, float *out, long cout) {
    DISPATCH(direct_wide(x, h, w, cin, weight, bias, out, cout), direct_body(x, h, w, cin, weight, bias, out, cout))
}

void nk_conv3x3_direct_gradient(const float *x, const float *dz, long h, long w, long cin, long cout, double *dw) {
    DISPATCH(direct_gradient_wide(x, dz, h, w, cin, cout, dw), direct_gradient_body(x, dz, h, w, cin, cout, dw))
}

void nk_relu_channel_sums(float *z, long rows, long c, double *sum, double *sum_squares) {
    DISPATCH(relu_sums_wide(z, rows, c, sum, sum_squares), relu_sums_body(z, rows, c, sum, sum_squares))
}

void nk_bn_maxpool(const float *r, long h, long w, long c, const float *mean, const float *scale, const float *shift, float *out) {
    DISPATCH(bn_maxpool_wide(r, h, w, c, mean, scale, shift, out), bn_maxpool_body(r, h, w, c, mean, scale, shift, out))
}

void nk_bn_maxpool_backward_sums(const float *r, const float *dp, long h, long w, long c, const float *mean, const float *scale,
                                 const float *shift, const float *inverse_std, double *sum_dy, double *sum_dy_xhat) {
    DISPATCH(backward_sums_wide(r, dp, h, w, c, mean, scale, shift, inverse_std, sum_dy, sum_dy_xhat),
             backward_sums_body(r, dp, h, w, c, mean, scale, shift, inverse_std, sum_dy, sum_dy_xhat))
}

void nk_bn_maxpool_relu_backward(float *r, const float *dp, long h, long w, long c, const float *mean, const float *scale,
                                 const float *shift, const float *inverse_std, const float *mean_dy, const float *mean_dy_xhat,
                                 double *sum_dz) {
    DISPATCH(relu_backward_wide(r, dp, h, w, c, mean, scale, shift, inverse_std, mean_dy, mean_dy_xhat, sum_dz),
             relu_backward_body(r, dp, h, w, c, mean, scale, shift, inverse_std, mean_dy, mean_dy_xhat, sum_dz))
}
