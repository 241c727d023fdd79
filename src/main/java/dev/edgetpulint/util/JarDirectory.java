package dev.edgetpulint.util;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The files of a jar other than its classes, found in one pass over the jar's central directory.
 *
 * <p>{@link java.util.zip.ZipFile} indexes every entry of a jar when it opens it. edgetpu-lint's jar
 * has about 3,500, nearly all classes of its libraries, and a check reads three files from it: the
 * index cost 10 ms of CPU in every cold check (docs/performance.md, C22). Here a class file's record
 * is passed over after a look at the last bytes of its name; the few other files are indexed. Only
 * what a build writes is read: one disk, no ZIP64, entries stored or deflated. {@link #open} is empty
 * for any other file, and the caller asks the class loader instead.
 */
public final class JarDirectory implements AutoCloseable {
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int LOCAL_SIGNATURE = 0x04034b50;
  private static final int END_SIZE = 22;
  private static final int CENTRAL_HEADER_SIZE = 46;
  private static final int LOCAL_HEADER_SIZE = 30;
  private static final int MAX_COMMENT = 0xffff;
  private static final long ZIP64_MARK = 0xffffffffL;
  private static final int STORED = 0;
  private static final int DEFLATED = 8;
  private static final byte[] CLASS_SUFFIX = ".class".getBytes(StandardCharsets.US_ASCII);

  /** A file's record in the central directory: how it is stored, where, its CRC-32 and length. */
  public record Entry(String name, int method, long crc, long compressedSize, long size, long localHeaderOffset) {}

  private final Path jar;
  private final FileChannel channel;
  private final Map<String, Entry> files;

  private JarDirectory(Path jar, FileChannel channel, Map<String, Entry> files) {
    this.jar = jar;
    this.channel = channel;
    this.files = files;
  }

  /**
   * The directory of {@code jar}, kept open until {@link #close}; empty when the file is not a zip
   * archive this class reads (no end record, ZIP64, more than one disk, an inconsistent record).
   *
   * @throws IOException when the file cannot be read
   */
  public static Optional<JarDirectory> open(Path jar) throws IOException {
    FileChannel channel = FileChannel.open(jar, StandardOpenOption.READ);
    try {
      Map<String, Entry> files = readDirectory(channel);
      if (files != null) {
        return Optional.of(new JarDirectory(jar, channel, files));
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    channel.close();
    return Optional.empty();
  }

  /** The record of the file {@code name} ("rules/ops.yaml"), if the jar has that file. */
  public Optional<Entry> entry(String name) {
    return Optional.ofNullable(files.get(name));
  }

  /** The names of the jar's files that are not classes, in no particular order. */
  public List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(files.keySet()));
  }

  /** The bytes of the file {@code name}, if the jar has it. */
  public Optional<byte[]> read(String name) throws IOException {
    Entry entry = files.get(name);
    return entry == null ? Optional.empty() : Optional.of(read(entry));
  }

  /**
   * The bytes of {@code entry}, checked against its length and CRC-32.
   *
   * @throws ZipException when the jar is damaged there
   */
  public byte[] read(Entry entry) throws IOException {
    if (entry.compressedSize() >= Integer.MAX_VALUE || entry.size() >= Integer.MAX_VALUE) {
      throw damaged(entry, "is too large to read");
    }
    byte[] local = readFully(channel, entry.localHeaderOffset(), LOCAL_HEADER_SIZE);
    if (int32(local, 0) != LOCAL_SIGNATURE) {
      throw damaged(entry, "has no local header at offset " + entry.localHeaderOffset());
    }
    long dataStart = entry.localHeaderOffset() + LOCAL_HEADER_SIZE + u16(local, 26) + u16(local, 28);
    byte[] bytes;
    if (entry.method() == STORED) {
      bytes = readFully(channel, dataStart, (int) entry.compressedSize());
    } else if (entry.method() == DEFLATED) {
      bytes = inflate(entry, readFully(channel, dataStart, (int) entry.compressedSize()));
    } else {
      throw damaged(entry, "is stored with compression method " + entry.method() + ", not stored or deflated");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length);
    if (bytes.length != entry.size() || crc.getValue() != entry.crc()) {
      throw damaged(entry, "does not match its recorded length and CRC-32");
    }
    return bytes;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Name to record of every file but the classes; null when the directory cannot be read here. */
  private static Map<String, Entry> readDirectory(FileChannel channel) throws IOException {
    long fileSize = channel.size();
    int tailSize = (int) Math.min(fileSize, END_SIZE + MAX_COMMENT);
    byte[] tail = readFully(channel, fileSize - tailSize, tailSize);
    int end = endRecord(tail);
    if (end < 0 || u16(tail, end + 4) != 0 || u16(tail, end + 6) != 0) {
      return null; // not a zip archive, or one on several disks
    }
    int count = u16(tail, end + 10);
    long directorySize = u32(tail, end + 12);
    long directoryOffset = u32(tail, end + 16);
    if (count == 0xffff || directorySize == ZIP64_MARK || directoryOffset == ZIP64_MARK
        || directoryOffset + directorySize > fileSize - tailSize + end) {
      return null;
    }
    byte[] directory = readFully(channel, directoryOffset, (int) directorySize);
    Map<String, Entry> files = new HashMap<>();
    int at = 0;
    for (int i = 0; i < count; i++) {
      if (at + CENTRAL_HEADER_SIZE > directory.length || int32(directory, at) != CENTRAL_SIGNATURE) {
        return null;
      }
      int nameStart = at + CENTRAL_HEADER_SIZE;
      int nameLength = u16(directory, at + 28);
      int next = nameStart + nameLength + u16(directory, at + 30) + u16(directory, at + 32);
      if (next > directory.length) {
        return null;
      }
      if (nameLength > 0 && directory[nameStart + nameLength - 1] != '/'
          && !endsWith(directory, nameStart, nameLength, CLASS_SUFFIX)) {
        long compressedSize = u32(directory, at + 20);
        long size = u32(directory, at + 24);
        long offset = u32(directory, at + 42);
        if (compressedSize == ZIP64_MARK || size == ZIP64_MARK || offset == ZIP64_MARK) {
          return null;
        }
        // Names are UTF-8, as java.util.zip reads them by default.
        String name = new String(directory, nameStart, nameLength, StandardCharsets.UTF_8);
        files.put(name, new Entry(name, u16(directory, at + 10), u32(directory, at + 16), compressedSize, size, offset));
      }
      at = next;
    }
    return files;
  }

  /** Where the end-of-central-directory record starts in {@code tail}, or -1: the last one whose comment ends the file. */
  private static int endRecord(byte[] tail) {
    for (int at = tail.length - END_SIZE; at >= 0; at--) {
      if (int32(tail, at) == END_SIGNATURE && at + END_SIZE + u16(tail, at + 20) == tail.length) {
        return at;
      }
    }
    return -1;
  }

  private static boolean endsWith(byte[] bytes, int start, int length, byte[] suffix) {
    if (length < suffix.length) {
      return false;
    }
    int from = start + length - suffix.length;
    for (int i = 0; i < suffix.length; i++) {
      if (bytes[from + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  private byte[] inflate(Entry entry, byte[] deflated) throws ZipException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(deflated);
      byte[] bytes = new byte[(int) entry.size()];
      int filled = 0;
      while (filled < bytes.length) {
        int n = inflater.inflate(bytes, filled, bytes.length - filled);
        if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        filled += n;
      }
      if (filled != bytes.length || !inflater.finished() && inflater.inflate(new byte[1]) > 0) {
        throw damaged(entry, "does not inflate to its recorded length " + entry.size());
      }
      return bytes;
    } catch (DataFormatException e) {
      throw damaged(entry, "does not inflate: " + e.getMessage());
    } finally {
      inflater.end();
    }
  }

  private ZipException damaged(Entry entry, String what) {
    return new ZipException(jar + ": " + entry.name() + " " + what);
  }

  private static byte[] readFully(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("the file ends before byte " + (position + length));
      }
    }
    return buffer.array();
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static long u32(byte[] b, int at) {
    return int32(b, at) & 0xffffffffL;
  }

  private static int int32(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
  }
}
