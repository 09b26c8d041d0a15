#ifndef CRIMEKIT_NEURAL_KERNELS_H
#define CRIMEKIT_NEURAL_KERNELS_H

/// Pointwise kernels of CrimeKit's neural engine (Winograd F(4x4,3x3) transforms, the ConvLSTM cell's
/// forward and backward steps), written with vector extensions so that they run eight floats at a time. On
/// x86-64 processors with AVX2 and FMA (checked once at run time) an AVX2 build of each kernel runs; every
/// other processor gets the same code built for the baseline instruction set.

/// B^T (6x6) of F(4x4,3x3) along one axis: for each of `count` lanes, reads six values `stride` apart
/// from `s` and writes six values `out_stride` apart to `d`.
void nk_winograd_input(const float *s, long stride, float *d, long out_stride, long count);

/// A^T (4x6) of F(4x4,3x3) along one axis: six values `stride` apart in, four `out_stride` apart out.
void nk_winograd_output(const float *s, long stride, float *d, long out_stride, long count);

/// A (6x4) of F(4x4,3x3) along one axis, the adjoint of nk_winograd_output: four values `stride` apart in,
/// six `out_stride` apart out.
void nk_winograd_output_adjoint(const float *s, long stride, float *d, long out_stride, long count);

/// The ConvLSTM cell update for `rows` pixels: `gates` holds each pixel's pre-activations in the order
/// i, f, o, g (`hidden` each) and is replaced by the activated gates; then c = f*c_prev + i*g and
/// h = o*tanh(c) are written to `cell` and `state`.
void nk_convlstm_cell(float *gates, const float *cell_prev, float *cell, float *state, long rows, long hidden);

/// The ConvLSTM cell's backward step for `rows` pixels: from the activated gates (i, f, o, g), the cell
/// state c and the previous one (`cell_prev` NULL at the first step), the upstream and recurrent hidden
/// gradients, it writes the pre-activation gate gradients to `dgates` and replaces the running cell
/// gradient `dc_next` by dc * f.
void nk_convlstm_cell_backward(const float *gates, const float *cell, const float *cell_prev, const float *dh_up,
                               const float *dh_next, float *dc_next, float *dgates, long rows, long hidden);

#endif
