#include "NeuralKernels.h"
#include "VectorSupport.h"
#include <math.h>

// ---- bodies, compiled once per instruction set by the wrappers at the end ----

INLINE void input_body(const float *s, long stride, float *d, long os, long count) {
    long c = 0;
    for (; c + 8 <= count; c += 8) {
        const float *p = s + c;
        float *q = d + c;
        v8f d0 = load8(p), d1 = load8(p + stride), d2 = load8(p + 2 * stride);
        v8f d3 = load8(p + 3 * stride), d4 = load8(p + 4 * stride), d5 = load8(p + 5 * stride);
        v8f s12 = d1 + d2, d12 = d1 - d2, s34 = d3 + d4, d34 = d3 - d4;
        store8(q, 4 * d0 - 5 * d2 + d4);
        store8(q + os, s34 - 4 * s12);
        store8(q + 2 * os, 4 * d12 - d34);
        store8(q + 3 * os, 2 * (d3 - d1) + d4 - d2);
        store8(q + 4 * os, 2 * (d1 - d3) + d4 - d2);
        store8(q + 5 * os, 4 * d1 - 5 * d3 + d5);
    }
    for (; c < count; c++) {
        const float *p = s + c;
        float *q = d + c;
        float d0 = p[0], d1 = p[stride], d2 = p[2 * stride], d3 = p[3 * stride], d4 = p[4 * stride], d5 = p[5 * stride];
        float s12 = d1 + d2, d12 = d1 - d2, s34 = d3 + d4, d34 = d3 - d4;
        q[0] = 4 * d0 - 5 * d2 + d4;
        q[os] = s34 - 4 * s12;
        q[2 * os] = 4 * d12 - d34;
        q[3 * os] = 2 * (d3 - d1) + d4 - d2;
        q[4 * os] = 2 * (d1 - d3) + d4 - d2;
        q[5 * os] = 4 * d1 - 5 * d3 + d5;
    }
}

INLINE void output_body(const float *s, long stride, float *d, long os, long count) {
    long c = 0;
    for (; c + 8 <= count; c += 8) {
        const float *p = s + c;
        float *q = d + c;
        v8f m0 = load8(p), m1 = load8(p + stride), m2 = load8(p + 2 * stride);
        v8f m3 = load8(p + 3 * stride), m4 = load8(p + 4 * stride), m5 = load8(p + 5 * stride);
        v8f s12 = m1 + m2, d12 = m1 - m2, s34 = m3 + m4, d34 = m3 - m4;
        store8(q, m0 + s12 + s34);
        store8(q + os, d12 + 2 * d34);
        store8(q + 2 * os, s12 + 4 * s34);
        store8(q + 3 * os, d12 + 8 * d34 + m5);
    }
    for (; c < count; c++) {
        const float *p = s + c;
        float *q = d + c;
        float m0 = p[0], m1 = p[stride], m2 = p[2 * stride], m3 = p[3 * stride], m4 = p[4 * stride], m5 = p[5 * stride];
        float s12 = m1 + m2, d12 = m1 - m2, s34 = m3 + m4, d34 = m3 - m4;
        q[0] = m0 + s12 + s34;
        q[os] = d12 + 2 * d34;
        q[2 * os] = s12 + 4 * s34;
        q[3 * os] = d12 + 8 * d34 + m5;
    }
}

INLINE void output_adjoint_body(const float *s, long stride, float *d, long os, long count) {
    long c = 0;
    for (; c + 8 <= count; c += 8) {
        const float *p = s + c;
        float *q = d + c;
        v8f y0 = load8(p), y1 = load8(p + stride), y2 = load8(p + 2 * stride), y3 = load8(p + 3 * stride);
        v8f s02 = y0 + y2, s13 = y1 + y3, e2 = y0 + 4 * y2, e3 = 2 * y1 + 8 * y3;
        store8(q, y0);
        store8(q + os, s02 + s13);
        store8(q + 2 * os, s02 - s13);
        store8(q + 3 * os, e2 + e3);
        store8(q + 4 * os, e2 - e3);
        store8(q + 5 * os, y3);
    }
    for (; c < count; c++) {
        const float *p = s + c;
        float *q = d + c;
        float y0 = p[0], y1 = p[stride], y2 = p[2 * stride], y3 = p[3 * stride];
        float s02 = y0 + y2, s13 = y1 + y3, e2 = y0 + 4 * y2, e3 = 2 * y1 + 8 * y3;
        q[0] = y0;
        q[os] = s02 + s13;
        q[2 * os] = s02 - s13;
        q[3 * os] = e2 + e3;
        q[4 * os] = e2 - e3;
        q[5 * os] = y3;
    }
}

// e^x: the Cephes single-precision scheme (range reduction by ln 2 split in two constants, a degree-5
// polynomial; constants from Cephes' expf.c, S. L. Moshier), about 2 ulp, x clamped to [-87.3, 88.3].
INLINE v8f vexp(v8f x) {
    x = __builtin_elementwise_min(__builtin_elementwise_max(x, splat(-87.3f)), splat(88.3f));
    const v8f magic = splat(12582912.0f);  // 1.5 * 2^23: adding it rounds to an integer in the low bits
    v8f shifted = x * 1.44269504f + magic;
    v8f n = shifted - magic;
    x = x - n * 0.693359375f;
    x = x - n * -2.12194440e-4f;
    v8f p = x * 1.9875691500e-4f + 1.3981999507e-3f;
    p = p * x + 8.3334519073e-3f;
    p = p * x + 4.1665795894e-2f;
    p = p * x + 1.6666665459e-1f;
    p = p * x + 5.0000001201e-1f;
    p = p * (x * x) + x + 1.0f;
    v8i integer = (v8i)shifted - 0x4B400000;
    v8f scale = (v8f)((integer + 127) << 23);
    return p * scale;
}

INLINE v8f vsigmoid(v8f x) { return 1.0f / (1.0f + vexp(-x)); }

// tanh as sign(x) (1 - e^{-2|x|}) / (1 + e^{-2|x|}); absolute error below about 2e-7.
INLINE v8f vtanh(v8f x) {
    v8f e = vexp(-2.0f * __builtin_elementwise_abs(x));
    v8f t = (1.0f - e) / (1.0f + e);
    v8i sign = (v8i)x & (int)0x80000000;
    return (v8f)((v8i)t | sign);
}

// The last partial vector goes through a zero-padded copy.
#define APPLY(name, f)                                                   \
    INLINE void name(float *p, long count) {                             \
        long i = 0;                                                      \
        for (; i + 8 <= count; i += 8) store8(p + i, f(load8(p + i)));   \
        if (i < count) {                                                 \
            float tail[8] = {0};                                         \
            memcpy(tail, p + i, (size_t)(count - i) * sizeof(float));    \
            store8(tail, f(load8(tail)));                                \
            memcpy(p + i, tail, (size_t)(count - i) * sizeof(float));    \
        }                                                                \
    }
APPLY(sigmoid_body, vsigmoid)
APPLY(tanh_body, vtanh)

INLINE void cell_body(float *g, const float *cp, float *c, float *h, long rows, long hidden) {
    for (long r = 0; r < rows; r++) {
        float *gi = g + r * 4 * hidden, *gf = gi + hidden, *go = gf + hidden, *gg = go + hidden;
        const float *cpr = cp + r * hidden;
        float *cr = c + r * hidden, *hr = h + r * hidden;
        sigmoid_body(gi, 3 * hidden);
        tanh_body(gg, hidden);
        long j = 0;
        for (; j + 8 <= hidden; j += 8) {
            v8f cell = load8(gf + j) * load8(cpr + j) + load8(gi + j) * load8(gg + j);
            store8(cr + j, cell);
            store8(hr + j, load8(go + j) * vtanh(cell));
        }
        long first = j;
        for (; j < hidden; j++) {
            cr[j] = gf[j] * cpr[j] + gi[j] * gg[j];
            hr[j] = cr[j];
        }
        if (first < hidden) {
            tanh_body(hr + first, hidden - first);
            for (long k = first; k < hidden; k++) hr[k] *= go[k];
        }
    }
}

// One lane group of the cell backward step; `n` lanes (8 in the main loop, fewer through padded copies).
INLINE void cell_backward_lanes(v8f i, v8f f, v8f o, v8f g, v8f c, v8f cp, v8f up, v8f dhn, v8f dcn,
                                v8f *di, v8f *df, v8f *dO, v8f *dg, v8f *dcOut) {
    v8f tc = vtanh(c);
    v8f dh = up + dhn;
    v8f dc = dh * o * (1.0f - tc * tc) + dcn;
    *di = dc * g * i * (1.0f - i);
    *df = dc * cp * f * (1.0f - f);
    *dO = dh * tc * o * (1.0f - o);
    *dg = dc * i * (1.0f - g * g);
    *dcOut = dc * f;
}

INLINE void cell_backward_body(const float *gates, const float *cell, const float *cell_prev, const float *dh_up,
                               const float *dh_next, float *dc_next, float *dgates, long rows, long hidden) {
    for (long r = 0; r < rows; r++) {
        const float *gi = gates + r * 4 * hidden, *gf = gi + hidden, *go = gf + hidden, *gg = go + hidden;
        float *di = dgates + r * 4 * hidden, *df = di + hidden, *dO = df + hidden, *dg = dO + hidden;
        long base = r * hidden;
        for (long j = 0; j < hidden; j += 8) {
            long n = hidden - j < 8 ? hidden - j : 8;
            v8f cp = cell_prev ? load_n(cell_prev + base + j, n) : splat(0.0f);
            v8f a, b, c, d, e;
            cell_backward_lanes(load_n(gi + j, n), load_n(gf + j, n), load_n(go + j, n), load_n(gg + j, n),
                                load_n(cell + base + j, n), cp, load_n(dh_up + base + j, n), load_n(dh_next + base + j, n),
                                load_n(dc_next + base + j, n), &a, &b, &c, &d, &e);
            store_n(di + j, a, n);
            store_n(df + j, b, n);
            store_n(dO + j, c, n);
            store_n(dg + j, d, n);
            store_n(dc_next + base + j, e, n);
        }
    }
}

// ---- one build per instruction set ----

#if defined(__x86_64__)
WIDE static void input_wide(const float *s, long a, float *d, long b, long n) { input_body(s, a, d, b, n); }
WIDE static void output_wide(const float *s, long a, float *d, long b, long n) { output_body(s, a, d, b, n); }
WIDE static void output_adjoint_wide(const float *s, long a, float *d, long b, long n) { output_adjoint_body(s, a, d, b, n); }
WIDE static void cell_wide(float *g, const float *cp, float *c, float *h, long r, long n) { cell_body(g, cp, c, h, r, n); }
WIDE static void cell_backward_wide(const float *g, const float *c, const float *cp, const float *up, const float *dhn,
                                    float *dcn, float *dg, long r, long n) {
    cell_backward_body(g, c, cp, up, dhn, dcn, dg, r, n);
}

#endif

void nk_winograd_input(const float *s, long stride, float *d, long out_stride, long count) {
    DISPATCH(input_wide(s, stride, d, out_stride, count), input_body(s, stride, d, out_stride, count))
}

void nk_winograd_output(const float *s, long stride, float *d, long out_stride, long count) {
    DISPATCH(output_wide(s, stride, d, out_stride, count), output_body(s, stride, d, out_stride, count))
}

void nk_winograd_output_adjoint(const float *s, long stride, float *d, long out_stride, long count) {
    DISPATCH(output_adjoint_wide(s, stride, d, out_stride, count), output_adjoint_body(s, stride, d, out_stride, count))
}

void nk_convlstm_cell(float *gates, const float *cell_prev, float *cell, float *state, long rows, long hidden) {
    DISPATCH(cell_wide(gates, cell_prev, cell, state, rows, hidden), cell_body(gates, cell_prev, cell, state, rows, hidden))
}

void nk_convlstm_cell_backward(const float *gates, const float *cell, const float *cell_prev, const float *dh_up,
                               const float *dh_next, float *dc_next, float *dgates, long rows, long hidden) {
    DISPATCH(cell_backward_wide(gates, cell, cell_prev, dh_up, dh_next, dc_next, dgates, rows, hidden),
             cell_backward_body(gates, cell, cell_prev, dh_up, dh_next, dc_next, dgates, rows, hidden))
}
