package dev.edgetpulint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version Maven recorded in the jar (META-INF/maven/.../pom.properties); "dev" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  private static final String POM_PROPERTIES = "/META-INF/maven/dev.edgetpulint/edgetpu-lint/pom.properties";

  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
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
