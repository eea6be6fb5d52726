package dev.parley.protocol.smtp;

/**
 * One server line split into reply code, separator and text, as RFC 5321 §4.2 writes replies:
 * {@code Reply-code [ SP textstring ] CRLF} for the last line and {@code Reply-code "-" [ textstring ] CRLF}
 * for the lines before it. Lines that do not fit are kept as values with a {@link Form} saying how.
 *
 * @param form what kind of line this is
 * @param code the three digits, or null when the line has none
 * @param text what follows the code and its separator (the whole line when there is no code)
 */
record SmtpReplyLine(Form form, String code, String text) {

    /** The shapes a server line can have. */
    enum Form {
        /** {@code 250 text} or a bare {@code 250}: the last line of a reply. */
        LAST,
        /** {@code 250-text}: more lines of this reply follow. */
        MORE,
        /** {@code 250OK}: three digits with something other than a space or hyphen after them. */
        NO_SEPARATOR,
        /** {@code abc text}: the line does not start with three digits. */
        NON_NUMERIC,
        /** Fewer than three characters: not even room for a code. */
        TOO_SHORT;

        boolean wellFormed() {
            return this == LAST || this == MORE;
        }
    }

    static SmtpReplyLine parse(String line) {
        if (line.length() < 3) {
            return new SmtpReplyLine(Form.TOO_SHORT, null, line);
        }
        String code = line.substring(0, 3);
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return new SmtpReplyLine(Form.NON_NUMERIC, null, line);
            }
        }
        if (line.length() == 3) {
            return new SmtpReplyLine(Form.LAST, code, "");
        }
        return switch (line.charAt(3)) {
            case ' ' -> new SmtpReplyLine(Form.LAST, code, line.substring(4));
            case '-' -> new SmtpReplyLine(Form.MORE, code, line.substring(4));
            default -> new SmtpReplyLine(Form.NO_SEPARATOR, code, line.substring(3));
        };
    }
}
