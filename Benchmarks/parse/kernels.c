/* Matrix kernel choice for Parsing: TwinGraph's AVX2/FMA multiply-accumulate (Sources/CKernels)
   against OpenBLAS's cblas_sgemm (beta = 1, the same operation), on the shapes the models
   multiply per sentence (rows = a sentence of 24 tokens) and per batch (the first-layer
   projection of 4,000 distinct words). One thread.
   cc -O2 -I Sources/CKernels/include Benchmarks/parse/kernels.c Sources/CKernels/kernels.c -lopenblas -o /tmp/kernels && OPENBLAS_NUM_THREADS=1 taskset -c 0 /tmp/kernels */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "CKernels.h"

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

int main(void) {
    long shapes[][3] = {{24, 256, 128}, {24, 128, 64}, {24, 64, 753}, {24, 32, 1440}, {4000, 300, 256}};
    for (int s = 0; s < 5; s++) {
        long m = shapes[s][0], k = shapes[s][1], n = shapes[s][2];
        float *a = malloc(sizeof(float) * m * k), *w = malloc(sizeof(float) * k * n), *o = calloc(m * n, sizeof(float));
        for (long i = 0; i < m * k; i++) a[i] = (float)rand() / RAND_MAX;
        for (long i = 0; i < k * n; i++) w[i] = (float)rand() / RAND_MAX - 0.5f;
        float *packed = malloc(sizeof(float) * twingraph_packed_count(k, n));
        twingraph_pack(w, k, n, packed);
        long reps = 2e9 / (m * k * n) + 1;
        double t0 = now();
        for (long r = 0; r < reps; r++) twingraph_multiply_accumulate_avx2(a, k, m, k, packed, k, n, o, n);
        double ours = now() - t0;
        t0 = now();
        for (long r = 0; r < reps; r++) cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1, a, k, w, n, 1, o, n);
        double blas = now() - t0;
        double flops = 2.0 * m * k * n * reps;
        printf("%5ld x %4ld x %4ld: twingraph avx2 %6.1f GFLOP/s, openblas %6.1f GFLOP/s\n", m, k, n, flops / ours / 1e9, flops / blas / 1e9);
        free(a); free(w); free(o); free(packed);
    }
    return 0;
}
