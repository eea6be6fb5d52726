package dev.parley.protocol;

/**
 * What a line means, for the learner. On a server line {@code kind} is {@code reply} (with the
 * reply {@code code} and whether the line is the {@code last} of its reply), {@code data} (part
 * of a multi-line answer such as a POP3 listing or an HTTP header) or {@code malformed} (the line
 * does not follow the protocol; {@code meaning} says how). On a client line {@code kind} is
 * {@code command} with its {@code verb}, or {@code payload}.
 *
 * @param kind      {@code reply}, {@code data}, {@code command}, {@code payload} or {@code malformed}
 * @param code      the reply code as the protocol writes it ({@code 250}, {@code +OK}, {@code OK}, {@code 200}); null otherwise
 * @param verb      the command verb, upper-cased; null on server lines
 * @param meaning   one or two sentences for a learner; never null
 * @param last      on a reply line: true when this line ends the reply (SMTP {@code 250 } vs {@code 250-}); null otherwise
 * @param reference where the rule comes from, such as {@code RFC 5321 §4.2.1}; may be null
 */
public record Annotation(String kind, String code, String verb, String meaning, Boolean last, String reference) {

    public static final String REPLY = "reply";
    public static final String DATA = "data";
    public static final String MALFORMED = "malformed";
    public static final String COMMAND = "command";
    public static final String PAYLOAD = "payload";

    public static Annotation reply(String code, String meaning, boolean last, String reference) {
        return new Annotation(REPLY, code, null, meaning, last, reference);
    }

    public static Annotation data(String meaning, String reference) {
        return new Annotation(DATA, null, null, meaning, null, reference);
    }

    public static Annotation malformed(String meaning, String reference) {
        return new Annotation(MALFORMED, null, null, meaning, null, reference);
    }

    public static Annotation command(String verb, String meaning, String reference) {
        return new Annotation(COMMAND, null, verb, meaning, null, reference);
    }

    public static Annotation payload(String meaning) {
        return new Annotation(PAYLOAD, null, null, meaning, null, null);
    }
}
