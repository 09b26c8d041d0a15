// OpenBLAS from Debian's libopenblas-dev: CBLAS plus the LAPACK routines CrimeKit calls.
// libopenblas exports LAPACK's Fortran symbols; Debian ships no lapacke.h with it, so the
// prototypes below declare the few routines used (Fortran calling convention: every
// argument by pointer, column-major storage).
#include <cblas.h>

/// QR factorisation of a general m×n matrix.
void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau,
             double *work, const int *lwork, int *info);
/// Multiplies by Q or Qᵀ from dgeqrf.
void dormqr_(const char *side, const char *trans, const int *m, const int *n, const int *k,
             const double *a, const int *lda, const double *tau, double *c, const int *ldc,
             double *work, const int *lwork, int *info);
/// Solves a triangular system.
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const int *n, const int *nrhs,
             const double *a, const int *lda, double *b, const int *ldb, int *info);
/// Least squares through QR (full rank).
void dgels_(const char *trans, const int *m, const int *n, const int *nrhs, double *a, const int *lda,
            double *b, const int *ldb, double *work, const int *lwork, int *info);
/// Singular value decomposition (divide and conquer).
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s,
             double *u, const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork,
             int *iwork, int *info);
/// Cholesky factorisation of a symmetric positive definite matrix.
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info);
/// Inverse from a Cholesky factorisation.
void dpotri_(const char *uplo, const int *n, double *a, const int *lda, int *info);
/// Solves a general linear system by LU.
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b,
            const int *ldb, int *info);
/// Inverse of a triangular matrix.
void dtrtri_(const char *uplo, const char *diag, const int *n, double *a, const int *lda, int *info);
