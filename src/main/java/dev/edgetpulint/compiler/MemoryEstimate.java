package dev.edgetpulint.compiler;

/**
 * The on-chip memory stage: parameter bytes of the mapped ops, how many fit the Edge TPU's SRAM
 * cache, and how many are streamed from the host on every inference.
 */
public record MemoryEstimate(long parameterBytes, long cachedBytes, long streamedBytes, long cacheCapacityBytes) {
  public boolean streams() {
    return streamedBytes > 0;
  }
}
