#ifndef CRIMEKIT_BOOSTING_KERNELS_H
#define CRIMEKIT_BOOSTING_KERNELS_H

/// The hot loops of histogram gradient boosting (CrimeModels' GradientBoostingRegressor). A node's rows are
/// a list of row numbers into the training table; the loops that follow such a list read each row's data a
/// few dozen rows ahead (software prefetch), so that the cache misses of a sparse node's rows overlap
/// instead of following one another.

/// One histogram bin: the sums of the gradients and hessians of its rows, and their count.
typedef struct {
    double gradient;
    double hessian;
    long count;
} bk_histogram_bin;

/// Bin codes of `count` values: code i is the number of the 256 `edges` (ascending, padded with +inf) below
/// values[i], found in eight halving steps; eight values are searched side by side.
void bk_bin_codes(const double *values, long count, const double *edges, unsigned char *codes);

/// Adds rows `rows[begin..<end]` (rows begin..<end when `rows` is NULL) to `histogram`, which holds `stride`
/// bins per feature: row r's gradient (and hessian, unless `hessians` is NULL) is added to bin
/// row_codes[r * columns + f] of every feature f, and (when `count_rows` is not 0) that bin's count rises by
/// one. Gradients and hessians are indexed by row. The caller zeroes the bins.
void bk_histogram(bk_histogram_bin *histogram, long stride, const unsigned char *row_codes, long columns,
                  const unsigned *rows, long begin, long end, const float *gradients, const float *hessians,
                  int count_rows);

/// Stable partition of the rows `source[begin..<end]` (rows begin..<end when `source` is NULL; `source` may
/// be `order`) by `column[row] <= bin`: rows that pass are written in order from `order + begin`, the others
/// from `scratch + begin`. Returns how many passed.
long bk_partition(const unsigned char *column, unsigned char bin, const unsigned *source, unsigned *order,
                  unsigned *scratch, long begin, long end);

/// Adds `value` to raw[order[k]] for k in begin..<end.
void bk_add_leaf_value(double *raw, const unsigned *order, long begin, long end, double value);

/// Poisson gradients and hessians as float: e^raw − y and e^raw, for `count` rows.
void bk_poisson_gradients(const double *y, const double *raw, long count, float *gradients, float *hessians);

/// Adds to out[r], for each of the `count` rows of `x` (row-major, `columns` values per row), the value of the
/// leaf it reaches in each of `tree_count` trees, tree by tree in order. Tree t's nodes start at word starts[t]
/// of `nodes`, in CrimeModels' TreeArrays layout: two 64-bit words per node, the threshold's bits (a leaf's
/// value), then the feature (low 32 bits, negative at a leaf) and the right child (high 32 bits); a row goes
/// to node i + 1 when x[feature] <= threshold, else to the right child. One tree at a time over all the rows:
/// its nodes stay in the nearest cache, and the processor runs ahead into the next rows' walks.
void bk_predict_trees(const double *x, long columns, long count, const unsigned long long *nodes,
                      const long *starts, long tree_count, double *out);

/// One spin-wait hint to the processor (x86's pause), for threads that wait by spinning.
void bk_spin_pause(void);

#endif
