package com.vetacrm.directory;

import java.nio.charset.StandardCharsets;

/**
 * The keys (refs, contact identities) already met in the file being imported, with the line each was
 * first on, so a repeated key is reported with both lines. Kept as 64-bit fingerprints in open-addressing
 * arrays: 12 bytes a slot, about 24 MB per million rows, whatever the length of the keys, instead of the
 * keys themselves. Two different keys share a fingerprint with a chance below 1 in 30 million for a file
 * of a million rows; such a pair would be reported as a repetition.
 */
final class SeenKeys {

    private long[] fingerprints = new long[1024];
    private int[] lines = new int[1024];
    private int size;

    /**
     * Records the key on this line; returns 0 when it is new, else the line it was first met on.
     */
    long firstLine(String key, long line) {
        long f = fingerprint(key);
        if (f == 0) {
            f = 1;  // 0 marks an empty slot
        }
        int mask = fingerprints.length - 1;
        int i = (int) (f ^ (f >>> 32)) & mask;
        while (fingerprints[i] != 0) {
            if (fingerprints[i] == f) {
                return Integer.toUnsignedLong(lines[i]);
            }
            i = (i + 1) & mask;
        }
        fingerprints[i] = f;
        lines[i] = (int) Math.min(line, 0xFFFF_FFFFL);
        if (++size * 2 > fingerprints.length) {
            grow();
        }
        return 0;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldF = fingerprints;
        int[] oldL = lines;
        fingerprints = new long[oldF.length * 2];
        lines = new int[oldF.length * 2];
        int mask = fingerprints.length - 1;
        for (int j = 0; j < oldF.length; j++) {
            long f = oldF[j];
            if (f != 0) {
                int i = (int) (f ^ (f >>> 32)) & mask;
                while (fingerprints[i] != 0) {
                    i = (i + 1) & mask;
                }
                fingerprints[i] = f;
                lines[i] = oldL[j];
            }
        }
    }

    /** FNV-1a over the UTF-8 bytes, then SplitMix64's finaliser to spread the bits. */
    static long fingerprint(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
