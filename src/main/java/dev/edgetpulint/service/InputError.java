package dev.edgetpulint.service;

/**
 * An input that could not be judged.
 *
 * @param path the path as reports show it
 * @param message one line: the reason
 * @param cause the exception behind it, or null (shown only with --debug)
 */
public record InputError(String path, String message, Throwable cause) {}
