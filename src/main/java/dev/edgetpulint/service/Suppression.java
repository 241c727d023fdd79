package dev.edgetpulint.service;

/**
 * Why a finding does not count.
 *
 * @param kind where the suppression lives: "baseline" (a baseline file) or "config" (a suppression in
 *     .edgetpu-lint.yaml) or "inSource" (a comment in a description file)
 * @param reason the justification, as written
 * @param source the file holding the suppression
 */
public record Suppression(String kind, String reason, String source) {}
