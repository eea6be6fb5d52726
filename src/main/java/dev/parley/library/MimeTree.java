package dev.parley.library;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A parsed message as a tree for the page: the lesson's {@code email.message_from_string} step.
 * Each node says what RFC 2045-2047 make of a part: its content type and charset, transfer
 * encoding, disposition and file name, its size on the wire and decoded, and for text its decoded
 * text; multiparts (RFC 2046 §5.1) and attached messages (§5.2.1) hold their children.
 */
final class MimeTree {

    /** Decoded text longer than this is cut (the node says so). */
    static final int MAX_TEXT = 64 * 1024;
    private static final int MAX_DEPTH = 20;

    /** A header line: its value as sent and, where RFC 2047 encoded it, decoded. */
    record HeaderLine(String name, String value, String decoded) {
    }

    /**
     * One part.
     *
     * @param size        octets of the content as sent (still transfer-encoded), or null if unknown
     * @param decodedSize octets after undoing the transfer encoding
     * @param text        the decoded text of a text part, else null
     */
    record Node(String path, String contentType, String charset, String transferEncoding, String disposition,
            String filename, Integer size, Long decodedSize, String text, Boolean textCut, List<HeaderLine> headers,
            List<Node> parts) {
    }

    /** The whole message: its headers in order, the decoded summary fields, and the tree. */
    record Message(List<HeaderLine> headers, String subject, String from, String to, String date, Node tree) {
    }

    private MimeTree() {
    }

    /**
     * Has the library write {@code source} out (which fetches it whole: IMAP {@code BODY[]}, POP3
     * {@code RETR}) and parses those octets, as the lesson does with {@code fetch(RFC822)} and
     * {@code email.message_from_string}: the result has the message as sent and its tree.
     */
    static java.util.Map<String, Object> parsed(jakarta.mail.Session session, jakarta.mail.Message source, int number)
            throws MessagingException, IOException {
        Texts.Bounded raw = new Texts.Bounded();
        source.writeTo(raw);
        MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(raw.toByteArray()));
        java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("message", number);
        result.put("raw", Texts.of(raw.toByteArray()));
        result.put("mime", of(message));
        return result;
    }

    static Message of(MimeMessage message) throws MessagingException, IOException {
        return new Message(headers(message), message.getSubject(), joined(message.getHeader("From", ", ")),
                joined(message.getHeader("To", ", ")), message.getHeader("Date", null), node(message, "1", 0));
    }

    private static Node node(Part part, String path, int depth) throws MessagingException, IOException {
        ContentType type = contentType(part);
        String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
        String encoding = part instanceof MimePart mime ? mime.getEncoding() : null;
        String filename = filename(part);
        List<Node> children = new ArrayList<>();
        String text = null;
        boolean cut = false;
        Long decodedSize = null;
        if (depth < MAX_DEPTH && part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                children.add(node(child, path + "." + (i + 1), depth + 1));
            }
        } else if (depth < MAX_DEPTH && part.isMimeType("message/rfc822") && part.getContent() instanceof MimeMessage inner) {
            children.add(node(inner, path + ".1", depth + 1));
        } else {
            byte[] decoded = decodedContent(part);
            decodedSize = (long) decoded.length;
            if (baseType.startsWith("text/")) {
                String whole = decodedText(decoded, type);
                cut = whole.length() > MAX_TEXT;
                text = cut ? whole.substring(0, MAX_TEXT) : whole;
            }
        }
        int size = part.getSize();
        return new Node(path, baseType, type.getParameter("charset"), encoding, part.getDisposition(), filename,
                size < 0 ? null : size, decodedSize, text, cut ? Boolean.TRUE : null,
                part instanceof MimeMessage ? null : headers(part), children.isEmpty() ? null : children);
    }

    private static ContentType contentType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType() == null ? "text/plain" : part.getContentType());
        } catch (ParseException e) {
            // A hostile or broken Content-Type: RFC 2045 §5.2 says to treat it as text/plain.
            return new ContentType("text", "plain", null);
        }
    }

    private static String filename(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? null : MimeUtility.decodeText(name);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return null;
        }
    }

    private static byte[] decodedContent(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException | MessagingException e) {
            // An encoding the library cannot undo: show the part as sent.
            if (part instanceof jakarta.mail.internet.MimeBodyPart body) {
                try (InputStream raw = body.getRawInputStream()) {
                    return raw.readAllBytes();
                }
            }
            throw e;
        }
    }

    private static String decodedText(byte[] decoded, ContentType type) {
        String charset = type.getParameter("charset");
        try {
            return new String(decoded, charset == null ? "US-ASCII" : MimeUtility.javaCharset(charset));
        } catch (UnsupportedEncodingException e) {
            return new String(decoded, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static List<HeaderLine> headers(Part part) throws MessagingException {
        List<HeaderLine> out = new ArrayList<>();
        for (Header header : Collections.list(part.getAllHeaders())) {
            String value = header.getValue();
            String decoded = decode(value);
            out.add(new HeaderLine(header.getName(), value, decoded.equals(value) ? null : decoded));
        }
        return out;
    }

    private static String decode(String value) {
        try {
            return MimeUtility.unfold(MimeUtility.decodeText(value));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }

    private static String joined(String header) {
        return header == null ? null : decode(header);
    }
}
