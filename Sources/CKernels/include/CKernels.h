#ifndef TWINGRAPH_CKERNELS_H
#define TWINGRAPH_CKERNELS_H

/// Whether this CPU runs the AVX2/FMA kernel (checked once).
int twingraph_has_avx2_fma(void);

/// How many floats `twingraph_pack` writes for an inner x columns matrix.
long twingraph_packed_count(long inner, long columns);

/// Rearranges the row-major inner x columns matrix `w` into strips of 16 columns, each strip
/// inner x 16 contiguous floats (the last one zero-padded), the layout the kernel streams.
void twingraph_pack(const float *w, long inner, long columns, float *packed);

/// out[r][c] += sum_{i < inner} a[r][i] * w[i][c] for r < rows, c < columns, with w packed by
/// twingraph_pack from a packed_inner x columns matrix (inner <= packed_inner uses its first
/// rows). AVX2 fused multiply-adds; the caller checks twingraph_has_avx2_fma() first.
void twingraph_multiply_accumulate_avx2(const float *a, long a_stride, long rows, long inner,
                                        const float *packed, long packed_inner, long columns,
                                        float *out, long out_stride);

#endif
