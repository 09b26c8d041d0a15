#ifndef CRIMEKIT_POINT_PROCESS_KERNELS_H
#define CRIMEKIT_POINT_PROCESS_KERNELS_H

/// The hot loops of the self-exciting point process's EM (the forecasting layer's SEPP), in double
/// precision four values at a time, with the same dispatch as the neural kernels (an AVX2+FMA build where
/// the processor has it, the baseline build elsewhere). Sums run in index order, so they do not depend on
/// the vector width.

/// The trigger kernel of each of `n` pairs given as consecutive (delay, squared distance) couples in
/// `pairs`: out[k] = scale * e^(-omega * delay - squared distance / two_sigma2). Returns `start` plus the
/// n values, added in index order.
double pp_trigger_kernels(const double *pairs, long n, double scale, double omega, double two_sigma2,
                          double start, double *out);

/// The expected offspring mass of `n` events at times `t` (days from the window's start) up to `duration`:
/// the sum in index order of 1 - e^(-omega * min(duration - t[i], window)).
double pp_offspring_mass(const double *t, long n, double duration, double omega, double window);

#endif
