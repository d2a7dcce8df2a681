#include "CKernels.h"
#include <immintrin.h>

int twingraph_has_avx2_fma(void) {
    static int known = -1;
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return known;
}

/* A 4-row x 16-column block of the output stays in eight registers over the whole inner
   dimension: each weight vector loaded serves four rows. Sums run over i in order. */
__attribute__((target("avx2,fma")))
void twingraph_multiply_accumulate_avx2(const float *a, long a_stride, long rows, long inner,
                                        const float *w, long columns, float *out, long out_stride) {
    long blocked = columns & ~15L;
    long groups = rows / 4 * 4;
    /* Column strips outside, row groups inside: a strip of the weight (inner x 16 floats) stays
       in L1 while every group of rows passes over it. */
    for (long c = 0; c < blocked; c += 16) {
        for (long r = 0; r < groups; r += 4) {
            const float *a0 = a + r * a_stride, *a1 = a0 + a_stride, *a2 = a1 + a_stride, *a3 = a2 + a_stride;
            float *o0 = out + r * out_stride, *o1 = o0 + out_stride, *o2 = o1 + out_stride, *o3 = o2 + out_stride;
            __m256 s00 = _mm256_loadu_ps(o0 + c), s01 = _mm256_loadu_ps(o0 + c + 8);
            __m256 s10 = _mm256_loadu_ps(o1 + c), s11 = _mm256_loadu_ps(o1 + c + 8);
            __m256 s20 = _mm256_loadu_ps(o2 + c), s21 = _mm256_loadu_ps(o2 + c + 8);
            __m256 s30 = _mm256_loadu_ps(o3 + c), s31 = _mm256_loadu_ps(o3 + c + 8);
            const float *wp = w + c;
            for (long i = 0; i < inner; i++, wp += columns) {
                __m256 w0 = _mm256_loadu_ps(wp), w1 = _mm256_loadu_ps(wp + 8);
                __m256 x0 = _mm256_broadcast_ss(a0 + i), x1 = _mm256_broadcast_ss(a1 + i);
                __m256 x2 = _mm256_broadcast_ss(a2 + i), x3 = _mm256_broadcast_ss(a3 + i);
                s00 = _mm256_fmadd_ps(x0, w0, s00); s01 = _mm256_fmadd_ps(x0, w1, s01);
                s10 = _mm256_fmadd_ps(x1, w0, s10); s11 = _mm256_fmadd_ps(x1, w1, s11);
                s20 = _mm256_fmadd_ps(x2, w0, s20); s21 = _mm256_fmadd_ps(x2, w1, s21);
                s30 = _mm256_fmadd_ps(x3, w0, s30); s31 = _mm256_fmadd_ps(x3, w1, s31);
            }
            _mm256_storeu_ps(o0 + c, s00); _mm256_storeu_ps(o0 + c + 8, s01);
            _mm256_storeu_ps(o1 + c, s10); _mm256_storeu_ps(o1 + c + 8, s11);
            _mm256_storeu_ps(o2 + c, s20); _mm256_storeu_ps(o2 + c + 8, s21);
            _mm256_storeu_ps(o3 + c, s30); _mm256_storeu_ps(o3 + c + 8, s31);
        }
    }
    for (long r = 0; r < groups; r += 4) {
        const float *a0 = a + r * a_stride, *a1 = a0 + a_stride, *a2 = a1 + a_stride, *a3 = a2 + a_stride;
        float *o0 = out + r * out_stride, *o1 = o0 + out_stride, *o2 = o1 + out_stride, *o3 = o2 + out_stride;
        for (long c = blocked; c < columns; c++) {
            float t0 = o0[c], t1 = o1[c], t2 = o2[c], t3 = o3[c];
            for (long i = 0; i < inner; i++) {
                float wc = w[i * columns + c];
                t0 += a0[i] * wc; t1 += a1[i] * wc; t2 += a2[i] * wc; t3 += a3[i] * wc;
            }
            o0[c] = t0; o1[c] = t1; o2[c] = t2; o3[c] = t3;
        }
    }
    for (long r = groups; r < rows; r++) {
        const float *ar = a + r * a_stride;
        float *o = out + r * out_stride;
        for (long c = 0; c < blocked; c += 16) {
            __m256 s0 = _mm256_loadu_ps(o + c), s1 = _mm256_loadu_ps(o + c + 8);
            const float *wp = w + c;
            for (long i = 0; i < inner; i++, wp += columns) {
                __m256 x = _mm256_broadcast_ss(ar + i);
                s0 = _mm256_fmadd_ps(x, _mm256_loadu_ps(wp), s0);
                s1 = _mm256_fmadd_ps(x, _mm256_loadu_ps(wp + 8), s1);
            }
            _mm256_storeu_ps(o + c, s0); _mm256_storeu_ps(o + c + 8, s1);
        }
        for (long c = blocked; c < columns; c++) {
            float t = o[c];
            for (long i = 0; i < inner; i++) t += ar[i] * w[i * columns + c];
            o[c] = t;
        }
    }
}
