package dev.edgetpulint.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Option and parameter values of type {@link Path}, converted as picocli's built-in converter does
 * ({@code Paths.get}, the same message for a value that is no path). The command line registers it
 * by code: picocli's own is one of the converters it finds by reflection, which Main keeps it from
 * registering (docs/performance.md, C21).
 */
final class PathConverter implements CommandLine.ITypeConverter<Path> {
  @Override
  public Path convert(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new CommandLine.TypeConversionException("cannot convert '" + value + "' to " + Path.class + " (" + e + ")");
    }
  }
}
