package dev.edgetpulint.cli;

import dev.edgetpulint.util.PackagedFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;

/** The version Maven recorded in the jar (META-INF/maven/.../pom.properties); "dev" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  private static final String POM_PROPERTIES = "META-INF/maven/dev.edgetpulint/edgetpu-lint/pom.properties";

  public static String version() {
    try {
      Optional<byte[]> pom = PackagedFiles.read(POM_PROPERTIES);
      if (pom.isPresent()) {
        Properties properties = new Properties();
        properties.load(new ByteArrayInputStream(pom.get()));
        return properties.getProperty("version", "dev");
      }
    } catch (IOException e) {
      // fall through: an unreadable resource is no reason to fail --version
    }
    return "dev";
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "edgetpu-lint " + version(),
      "Edge TPU runtime versions 10 to 14; Java " + System.getProperty("java.version"),
    };
  }
}
