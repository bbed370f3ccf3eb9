"""Text in: loading (bytes to clean text), boilerplate, segmentation into sentences, word tokens."""
