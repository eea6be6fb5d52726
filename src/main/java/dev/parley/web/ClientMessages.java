package dev.parley.web;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a browser's frame into a {@link ClientMessage}. A frame of the plain shape every page
 * sends — one object of strings, an integer port, booleans — is read token by token with Jackson's
 * streaming parser; anything else (a string where a number goes, a duplicate field, trailing text,
 * invalid JSON) is left to databind, which decides what it means or what error it is exactly as
 * before. Under load, databind's record creator was a tenth of the CPU Parley used for one
 * {@code send} a line (issue #13); {@code ClientMessagesPropertiesTest} shows both read the same.
 */
final class ClientMessages {

    private ClientMessages() {
    }

    /** @throws JacksonException when the frame is not a message (databind's own error) */
    static ClientMessage read(JsonMapper mapper, String text) {
        ClientMessage plain = plain(mapper, text);
        return plain != null ? plain : mapper.readValue(text, ClientMessage.class);
    }

    /** The message when the frame has the plain shape; null to let databind read it. */
    static ClientMessage plain(JsonMapper mapper, String text) {
        String op = null;
        String protocol = null;
        String host = null;
        Integer port = null;
        String tls = null;
        Boolean insecure = null;
        String line = null;
        Boolean raw = null;
        String body = null;
        Set<String> seen = new HashSet<>(4);
        try (JsonParser p = mapper.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                if (!seen.add(name)) {
                    return null;
                }
                JsonToken value = p.nextToken();
                switch (name) {
                    case "op", "protocol", "host", "tls", "line", "text" -> {
                        if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                            return null;
                        }
                        String s = value == JsonToken.VALUE_NULL ? null : p.getString();
                        switch (name) {
                            case "op" -> op = s;
                            case "protocol" -> protocol = s;
                            case "host" -> host = s;
                            case "tls" -> tls = s;
                            case "line" -> line = s;
                            default -> body = s;
                        }
                    }
                    case "port" -> {
                        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                            port = p.getIntValue();
                        } else if (value != JsonToken.VALUE_NULL) {
                            return null;
                        }
                    }
                    case "insecure", "raw" -> {
                        Boolean b;
                        if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                            b = value == JsonToken.VALUE_TRUE;
                        } else if (value == JsonToken.VALUE_NULL) {
                            b = null;
                        } else {
                            return null;
                        }
                        if (name.equals("raw")) {
                            raw = b;
                        } else {
                            insecure = b;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
        } catch (JacksonException e) {
            return null;
        }
        return new ClientMessage(op, protocol, host, port, tls, insecure, line, raw, body);
    }
}
