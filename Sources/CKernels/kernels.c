#include "CKernels.h"
#include <immintrin.h>
#include <string.h>

int twingraph_has_avx2_fma(void) {
    static int known = -1;
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return known;
}

long twingraph_packed_count(long inner, long columns) { return (columns + 15) / 16 * inner * 16; }

void twingraph_pack(const float *w, long inner, long columns, float *packed) {
    for (long strip = 0; strip * 16 < columns; strip++)
        for (long i = 0; i < inner; i++)
            for (long j = 0; j < 16; j++) {
                long c = strip * 16 + j;
                packed[(strip * inner + i) * 16 + j] = c < columns ? w[i * columns + c] : 0.0f;
            }
}

/* Four rows of a 16-column strip: the 4 x 16 block of the output stays in eight registers over
   the whole inner dimension, each weight vector loaded serves four rows, and the packed strip
   is read sequentially. Sums run over i in order. */
__attribute__((target("avx2,fma")))
static inline void block4(const float *a0, const float *a1, const float *a2, const float *a3,
                          const float *wp, long inner, float *o0, float *o1, float *o2, float *o3) {
    __m256 s00 = _mm256_loadu_ps(o0), s01 = _mm256_loadu_ps(o0 + 8);
    __m256 s10 = _mm256_loadu_ps(o1), s11 = _mm256_loadu_ps(o1 + 8);
    __m256 s20 = _mm256_loadu_ps(o2), s21 = _mm256_loadu_ps(o2 + 8);
    __m256 s30 = _mm256_loadu_ps(o3), s31 = _mm256_loadu_ps(o3 + 8);
    for (long i = 0; i < inner; i++, wp += 16) {
        __m256 w0 = _mm256_loadu_ps(wp), w1 = _mm256_loadu_ps(wp + 8);
        __m256 x0 = _mm256_broadcast_ss(a0 + i), x1 = _mm256_broadcast_ss(a1 + i);
        __m256 x2 = _mm256_broadcast_ss(a2 + i), x3 = _mm256_broadcast_ss(a3 + i);
        s00 = _mm256_fmadd_ps(x0, w0, s00); s01 = _mm256_fmadd_ps(x0, w1, s01);
        s10 = _mm256_fmadd_ps(x1, w0, s10); s11 = _mm256_fmadd_ps(x1, w1, s11);
        s20 = _mm256_fmadd_ps(x2, w0, s20); s21 = _mm256_fmadd_ps(x2, w1, s21);
        s30 = _mm256_fmadd_ps(x3, w0, s30); s31 = _mm256_fmadd_ps(x3, w1, s31);
    }
    _mm256_storeu_ps(o0, s00); _mm256_storeu_ps(o0 + 8, s01);
    _mm256_storeu_ps(o1, s10); _mm256_storeu_ps(o1 + 8, s11);
    _mm256_storeu_ps(o2, s20); _mm256_storeu_ps(o2 + 8, s21);
    _mm256_storeu_ps(o3, s30); _mm256_storeu_ps(o3 + 8, s31);
}

__attribute__((target("avx2,fma")))
static inline void block1(const float *a, const float *wp, long inner, float *o) {
    __m256 s0 = _mm256_loadu_ps(o), s1 = _mm256_loadu_ps(o + 8);
    for (long i = 0; i < inner; i++, wp += 16) {
        __m256 x = _mm256_broadcast_ss(a + i);
        s0 = _mm256_fmadd_ps(x, _mm256_loadu_ps(wp), s0);
        s1 = _mm256_fmadd_ps(x, _mm256_loadu_ps(wp + 8), s1);
    }
    _mm256_storeu_ps(o, s0); _mm256_storeu_ps(o + 8, s1);
}

__attribute__((target("avx2,fma")))
void twingraph_multiply_accumulate_avx2(const float *a, long a_stride, long rows, long inner,
                                        const float *packed, long packed_inner, long columns,
                                        float *out, long out_stride) {
    for (long c = 0; c < columns; c += 16) {
        const float *wp = packed + (c / 16) * packed_inner * 16;
        long width = columns - c < 16 ? columns - c : 16;
        long r = 0;
        for (; r + 4 <= rows; r += 4) {
            const float *a0 = a + r * a_stride;
            float *o0 = out + r * out_stride;
            if (width == 16) {
                block4(a0, a0 + a_stride, a0 + 2 * a_stride, a0 + 3 * a_stride, wp, inner,
                       o0 + c, o0 + out_stride + c, o0 + 2 * out_stride + c, o0 + 3 * out_stride + c);
            } else {
                /* The last, partial strip: through a 4 x 16 copy of the output. */
                float t[4][16] = {{0}};
                for (int k = 0; k < 4; k++) memcpy(t[k], o0 + k * out_stride + c, sizeof(float) * width);
                block4(a0, a0 + a_stride, a0 + 2 * a_stride, a0 + 3 * a_stride, wp, inner, t[0], t[1], t[2], t[3]);
                for (int k = 0; k < 4; k++) memcpy(o0 + k * out_stride + c, t[k], sizeof(float) * width);
            }
        }
        for (; r < rows; r++) {
            float *o = out + r * out_stride + c;
            if (width == 16) {
                block1(a + r * a_stride, wp, inner, o);
            } else {
                float t[16] = {0};
                memcpy(t, o, sizeof(float) * width);
                block1(a + r * a_stride, wp, inner, t);
                memcpy(o, t, sizeof(float) * width);
            }
        }
    }
}
