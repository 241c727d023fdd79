package dev.edgetpulint.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link MemoryEstimator#format} prints what {@code String.format("%.2f")} printed, without the Formatter. */
class MemoryEstimatorFormatTest {
  private static String viaFormatter(long bytes) {
    if (bytes < 1024) {
      return String.format(Locale.ROOT, "%.2fB", (double) bytes);
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.2fKiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.2fMiB", bytes / (1024.0 * 1024.0));
  }

  @Test
  void everySmallSizeAndEveryUnitBoundary() {
    for (long bytes = 0; bytes < 100_000; bytes++) {
      assertEquals(viaFormatter(bytes), MemoryEstimator.format(bytes), "bytes " + bytes);
    }
    for (long bytes = 1024 * 1024 - 5_000; bytes < 1024 * 1024 + 5_000; bytes++) {
      assertEquals(viaFormatter(bytes), MemoryEstimator.format(bytes), "bytes " + bytes);
    }
  }

  @Test
  void largeSizesIncludingHalfwayCases() {
    SplittableRandom random = new SplittableRandom(20261122);
    for (int i = 0; i < 50_000; i++) {
      long bytes = random.nextLong(1L << 40);
      assertEquals(viaFormatter(bytes), MemoryEstimator.format(bytes), "bytes " + bytes);
    }
    // Exactly halfway between two hundredths of a MiB: 0.005 MiB = 5242.88 bytes is not an integer,
    // but 0.125 MiB and 2.125 KiB are, and %.2f rounds them half up.
    for (long bytes : new long[] {131_072 + 1024 * 1024, 2_176, 5 * 1024 * 1024 + 5_242, 5 * 1024 * 1024 + 5_243}) {
      assertEquals(viaFormatter(bytes), MemoryEstimator.format(bytes), "bytes " + bytes);
    }
  }
}
