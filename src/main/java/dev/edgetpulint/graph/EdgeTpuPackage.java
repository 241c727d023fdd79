package dev.edgetpulint.graph;

/**
 * What a compiled model's {@code edgetpu-custom-op} records about its compilation.
 *
 * @param subgraph the subgraph holding the custom op
 * @param operator the custom op's index
 * @param minRuntimeVersion the runtime the package needs (the compiler's -m), or -1 if unreadable
 * @param compilerVersion the compiler's label (a changelist such as "cl/123"; often empty), or null
 */
public record EdgeTpuPackage(int subgraph, int operator, int minRuntimeVersion, String compilerVersion) {}
