package dev.edgetpulint.compiler;

/** Where an operator runs. */
public enum Target {
  EDGETPU, CPU;

  public String id() {
    return this == EDGETPU ? "edgetpu" : "cpu";
  }
}
