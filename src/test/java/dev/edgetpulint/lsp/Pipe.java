package dev.edgetpulint.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An in-process byte pipe. Unlike java.io.PipedInputStream it does not fail with "Write end dead" when
 * a thread that wrote to it ends (the server writes from pool threads that come and go). Public for
 * the language-server benchmark in bench/.
 */
public final class Pipe {
  private static final byte[] EOF = new byte[0];
  private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

  public final OutputStream out = new OutputStream() {
    @Override
    public void write(int b) {
      chunks.add(new byte[] {(byte) b});
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (len > 0) {
        byte[] copy = new byte[len];
        System.arraycopy(b, off, copy, 0, len);
        chunks.add(copy);
      }
    }

    @Override
    public void close() {
      chunks.add(EOF);
    }
  };

  public final InputStream in = new InputStream() {
    private byte[] current = new byte[0];
    private int position;
    private boolean closed;

    @Override
    public int read() throws java.io.InterruptedIOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.InterruptedIOException {
      if (len == 0) {
        return 0;
      }
      while (position >= current.length) {
        if (closed) {
          return -1;
        }
        try {
          current = chunks.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException();
        }
        position = 0;
        if (current == EOF) {
          closed = true;
          chunks.add(EOF);
          return -1;
        }
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      return n;
    }

    @Override
    public int available() {
      return current.length - position;
    }
  };
}
