package dev.parley.protocol.smtp;

/** A sentence for the learner and the RFC section it comes from. */
record Meaning(String text, String reference) {
}
