#include <stddef.h>
#include <stdint.h>
#include <zlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// adler32 (RFC 1950), as zlib's `adler32` computes it, sixteen bytes a step with SSE2 where the target has it
/// (every x86-64). zlib's own runs a byte at a time: a quarter of inflating a chunk batch, by instruction count.
/// In each block of at most 5552 bytes (zlib's NMAX: the sums cannot overflow before they are reduced), for each
/// sixteen bytes x0..x15 after the sums so far: s1 += x0 + ... + x15, s2 += 16 * s1 + 16 * x0 + 15 * x1 + ... + x15.
static inline uint32_t mesh_adler32(uint32_t adler, const unsigned char *buf, size_t len) {
#if defined(__SSE2__)
    const uint32_t base = 65521;
    uint64_t s1 = adler & 0xffff, s2 = adler >> 16;
    const __m128i zero = _mm_setzero_si128();
    const __m128i first = _mm_setr_epi16(16, 15, 14, 13, 12, 11, 10, 9);
    const __m128i second = _mm_setr_epi16(8, 7, 6, 5, 4, 3, 2, 1);
    while (len >= 16) {
        size_t n = len < 5552 ? len & ~(size_t)15 : 5552;
        len -= n;
        // Byte sums (two 64-bit lanes), the sums before each step added up, and the weighted sums (32-bit lanes).
        __m128i sums = zero, before = zero, weighted = zero;
        for (size_t steps = n / 16; steps > 0; steps--) {
            __m128i x = _mm_loadu_si128((const __m128i *)buf);
            buf += 16;
            before = _mm_add_epi64(before, sums);
            sums = _mm_add_epi64(sums, _mm_sad_epu8(x, zero));
            weighted = _mm_add_epi32(weighted, _mm_madd_epi16(_mm_unpacklo_epi8(x, zero), first));
            weighted = _mm_add_epi32(weighted, _mm_madd_epi16(_mm_unpackhi_epi8(x, zero), second));
        }
        uint64_t lanes[2];
        uint32_t words[4];
        _mm_storeu_si128((__m128i *)lanes, sums);
        uint64_t bytes = lanes[0] + lanes[1];
        _mm_storeu_si128((__m128i *)lanes, before);
        uint64_t prior = lanes[0] + lanes[1];
        _mm_storeu_si128((__m128i *)words, weighted);
        uint64_t weights = (uint64_t)words[0] + words[1] + words[2] + words[3];
        s2 = (s2 + s1 * n + 16 * prior + weights) % base;
        s1 = (s1 + bytes) % base;
    }
    while (len > 0) {
        s1 += *buf++;
        s2 += s1;
        len--;
    }
    return (uint32_t)((s2 % base) << 16 | (s1 % base));
#else
    uLong sum = adler;
    while (len > 0) {
        uInt step = len > 0x40000000 ? 0x40000000 : (uInt)len;
        sum = adler32(sum, buf, step);
        buf += step;
        len -= step;
    }
    return (uint32_t)sum;
#endif
}
