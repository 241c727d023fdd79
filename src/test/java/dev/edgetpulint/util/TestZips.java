package dev.edgetpulint.util;

import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writing entries of test jars and zips, stored (with the CRC-32 a stored entry needs) or deflated. */
public final class TestZips {
  private TestZips() {}

  public static void put(ZipOutputStream out, String name, byte[] bytes, boolean stored) throws IOException {
    ZipEntry e = new ZipEntry(name);
    if (stored) {
      CRC32 crc = new CRC32();
      crc.update(bytes);
      e.setMethod(ZipEntry.STORED);
      e.setSize(bytes.length);
      e.setCompressedSize(bytes.length);
      e.setCrc(crc.getValue());
    }
    out.putNextEntry(e);
    out.write(bytes);
    out.closeEntry();
  }
}
