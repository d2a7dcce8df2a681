#ifndef TWINGRAPH_CKERNELS_H
#define TWINGRAPH_CKERNELS_H

/// Whether this CPU runs the AVX2/FMA kernel (checked once).
int twingraph_has_avx2_fma(void);

/// out[r][c] += sum_i a[r][i] * w[i][c] for r < rows, c < columns, with 8-wide AVX2 fused
/// multiply-adds; the caller checks twingraph_has_avx2_fma() first.
void twingraph_multiply_accumulate_avx2(const float *a, long a_stride, long rows, long inner,
                                        const float *w, long columns, float *out, long out_stride);

#endif
