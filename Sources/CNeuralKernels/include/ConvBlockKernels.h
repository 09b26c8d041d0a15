#ifndef CRIMEKIT_CONV_BLOCK_KERNELS_H
#define CRIMEKIT_CONV_BLOCK_KERNELS_H

/// Kernels of the fused image block convolution → ReLU → batch norm → 2x2 max-pool (the CNN-LSTM's), each on
/// one channels-last image, eight channels at a time, with the same run-time choice of an AVX2+FMA build as
/// NeuralKernels.h. Sums are accumulated in float over one image row and added into double.

/// Direct 3x3 "same" convolution (padding 1) of `x` [h, w, cin] with a kernel laid out [(ky, kx, cin), cout]
/// plus `bias`, written to `out` [h, w, cout]. Meant for few input channels.
void nk_conv3x3_direct(const float *x, long h, long w, long cin, const float *weight, const float *bias,
                       float *out, long cout);

/// The kernel gradient of nk_conv3x3_direct for the output gradient `dz` [h, w, cout]: adds
/// Σ x(neighbour) · dz to `dw` [(ky, kx, cin), cout].
void nk_conv3x3_direct_gradient(const float *x, const float *dz, long h, long w, long cin, long cout, double *dw);

/// ReLU in place on `rows` x `c` values (NaN stays NaN); writes each channel's Σ and Σ² of the results.
void nk_relu_channel_sums(float *z, long rows, long c, double *sum, double *sum_squares);

/// Batch norm y = (r - mean) * scale + shift per channel of `r` [h, w, c], then 2x2 max-pooling with stride
/// 2 into `out` [h/2, w/2, c]: odd edges dropped, the first maximum in the scan order (0,0), (0,1), (1,0),
/// (1,1) wins, NaN wins (PyTorch's rules).
void nk_bn_maxpool(const float *r, long h, long w, long c, const float *mean, const float *scale,
                   const float *shift, float *out);

/// First backward pass of nk_bn_maxpool for the pooled gradient `dp` [h/2, w/2, c]: writes per channel Σ dp
/// to `sum_dy`, and Σ dp · x̂ at each window's maximum (x̂ = (r - mean) * inverse_std) to `sum_dy_xhat`.
void nk_bn_maxpool_backward_sums(const float *r, const float *dp, long h, long w, long c, const float *mean,
                                 const float *scale, const float *shift, const float *inverse_std,
                                 double *sum_dy, double *sum_dy_xhat);

/// Second backward pass: replaces `r` [h, w, c] (the ReLU's output) by the gradient with respect to the
/// convolution's output. dy is dp at each window's maximum and 0 elsewhere (dropped edges included);
/// dx = scale * (dy - mean_dy - x̂ * mean_dy_xhat); the result is dx where r > 0 and 0 elsewhere. Writes
/// per channel Σ of the result to `sum_dz`.
void nk_bn_maxpool_relu_backward(float *r, const float *dp, long h, long w, long c, const float *mean,
                                 const float *scale, const float *shift, const float *inverse_std,
                                 const float *mean_dy, const float *mean_dy_xhat, double *sum_dz);

#endif
