package dev.parley.protocol.http;

import java.util.Locale;

/**
 * What the header section of one response says about its body: the fields that decide the
 * message framing (RFC 9112 §6.3) and how the body should be shown.
 */
final class HttpResponseHead {

    /** How the body of this response is delimited, per RFC 9112 §6.3. */
    enum Framing {
        /** No body: a response to HEAD, a 1xx, 204 or 304 (RFC 9112 §6.3 rule 1). */
        NONE,
        /** The connection now carries another protocol: 101, or 2xx to CONNECT (rule 2). */
        TUNNEL,
        /** Transfer-Encoding ends with chunked (rule 4). */
        CHUNKED,
        /** Content-Length octets, read by count (rule 6). */
        LENGTH,
        /** Until the server closes: no length, another transfer coding, or a broken Content-Length (rules 4, 5, 8). */
        CLOSE
    }

    private final int code;
    private long contentLength = -1;
    private boolean contentLengthInvalid;
    private boolean chunked;
    private boolean otherTransferCoding;
    private String contentType;
    private String contentEncoding;

    HttpResponseHead(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    boolean interim() {
        return code >= 100 && code < 200 && code != 101;
    }

    String contentType() {
        return contentType;
    }

    String contentEncoding() {
        return contentEncoding;
    }

    long contentLength() {
        return contentLength;
    }

    boolean contentLengthInvalid() {
        return contentLengthInvalid;
    }

    /**
     * Takes note of one header field. Returns null when it is fine, or a sentence saying what is
     * wrong with it (shown as a malformed line).
     */
    String record(String name, String value) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "content-length" -> {
                long parsed = parseLength(value);
                if (parsed < 0) {
                    contentLengthInvalid = true;
                    return "Content-Length must be a number of octets (RFC 9110 §8.6); `" + value + "` is not."
                            + " Parley reads the body until the server closes, and the answer counts as an error.";
                }
                if (contentLength >= 0 && contentLength != parsed) {
                    contentLengthInvalid = true;
                    return "A second Content-Length with a different value: the body length is ambiguous"
                            + " (RFC 9112 §6.3), the root of request smuggling.";
                }
                contentLength = parsed;
            }
            case "transfer-encoding" -> {
                String[] codings = value.split(",");
                String lastCoding = codings[codings.length - 1].strip().toLowerCase(Locale.ROOT);
                chunked = lastCoding.equals("chunked");
                otherTransferCoding = !chunked;
            }
            case "content-type" -> {
                if (contentType == null) {
                    contentType = value;
                }
            }
            case "content-encoding" -> {
                if (!value.isBlank() && !value.strip().equalsIgnoreCase("identity")) {
                    contentEncoding = value.strip();
                }
            }
            default -> {
            }
        }
        return null;
    }

    /** The framing of this response's body, given the method of the request it answers (may be null). */
    Framing framing(String method) {
        if (code == 101 || ("CONNECT".equals(method) && code / 100 == 2)) {
            return Framing.TUNNEL;
        }
        if ("HEAD".equals(method) || code / 100 == 1 || code == 204 || code == 304) {
            return Framing.NONE;
        }
        if (chunked) {
            return Framing.CHUNKED;
        }
        if (otherTransferCoding || contentLengthInvalid || contentLength < 0) {
            return Framing.CLOSE;
        }
        return Framing.LENGTH;
    }

    private static long parseLength(String value) {
        String digits = value.strip();
        if (digits.isEmpty() || digits.length() > 18) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(digits);
    }
}
