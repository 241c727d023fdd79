package dev.edgetpulint.compiler;

/**
 * The quantization stage's verdict.
 *
 * @param compatible whether the compiler accepts the model's arithmetic at all
 * @param summary what the converter produced, in words
 * @param fix the converter settings that make it compatible, or null when it already is
 */
public record QuantizationStage(QuantizationKind kind, boolean compatible, String summary, String fix) {}
