package dev.edgetpulint.service;

import dev.edgetpulint.graph.Model;
import java.nio.file.Path;

/** Reads one model file into the graph model. Any exception means: this input could not be read. */
@FunctionalInterface
public interface ModelLoader {
  Model load(Path file) throws Exception;
}
