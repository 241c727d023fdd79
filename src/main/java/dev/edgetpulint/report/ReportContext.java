package dev.edgetpulint.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What a report needs besides the lint run.
 *
 * @param toolName "edgetpu-lint"
 * @param toolVersion the tool's version
 * @param informationUri the project's home page
 * @param sourceRoot the repository root SARIF locations are relative to (uriBaseId %SRCROOT%)
 * @param workingDirectory the directory reported paths are relative to
 * @param arguments the command line, for SARIF invocations (may be empty)
 */
public record ReportContext(String toolName, String toolVersion, String informationUri, Path sourceRoot,
    Path workingDirectory, List<String> arguments) {

  public static final String SRCROOT = "%SRCROOT%";

  public ReportContext {
    sourceRoot = sourceRoot.toAbsolutePath().normalize();
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
    arguments = List.copyOf(arguments);
  }
}
