package dev.parley.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One frame from the browser (CONTRACTS.md §1); which fields matter depends on {@code op}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ClientMessage(String op, String protocol, String host, Integer port, String tls, Boolean insecure,
        String line, Boolean raw, String text) {
}
