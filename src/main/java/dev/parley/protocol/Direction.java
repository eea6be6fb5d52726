package dev.parley.protocol;

/** Who wrote a line: the client (C) or the server (S), as in the lesson's transcripts. */
public enum Direction {
    C,
    S
}
