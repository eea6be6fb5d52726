package dev.parley.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ClientWrite;
import dev.parley.protocol.Dialect;
import dev.parley.protocol.DialectEvent;
import dev.parley.protocol.Dialects;
import dev.parley.protocol.FramingLimits;
import dev.parley.protocol.Protocol;
import dev.parley.session.ConversationInfo;
import dev.parley.session.SessionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For generated credentials, in every form a protocol carries them, no secret ever reaches a
 * stored transcript, its text export or its SVG: real dialect writes and reads, turned into the
 * session's events as {@code Conversation} does, recorded by the real recorder into a real store.
 */
class RedactionProperties {

    enum Form {
        POP3_PASS, POP3_AUTH_PLAIN_INLINE, POP3_AUTH_LOGIN, SMTP_AUTH_PLAIN_AFTER_334, SMTP_AUTH_LOGIN,
        SMTP_AUTH_PLAIN_INLINE, IMAP_LOGIN_ATOM, IMAP_LOGIN_QUOTED, IMAP_LOGIN_LITERAL, IMAP_AUTHENTICATE,
        HTTP_AUTHORIZATION, HTTP_COOKIE, HTTP_SET_COOKIE
    }

    private static TranscriptStore store;
    private static TranscriptRecorder recorder;

    @BeforeContainer
    static void database() {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:redaction;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        store = new TranscriptStore(JdbcClient.create(ds), new JdbcTemplate(ds),
                new TransactionTemplate(new DataSourceTransactionManager(ds)));
        recorder = new TranscriptRecorder(store, new TranscriptProperties(java.time.Duration.ofDays(30),
                java.time.Duration.ofHours(1), org.springframework.util.unit.DataSize.ofMegabytes(64)));
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(8).ofMaxLength(24);
    }

    @Property(tries = 400)
    void noSecretIsStoredExportedOrDrawn(@ForAll Form form, @ForAll("secrets") String secret) {
        Conversation c = new Conversation(protocolOf(form));
        List<String> forms = c.run(form, "frobozz", secret);

        Transcript stored = store.find(c.transcriptId).orElseThrow();
        String text = TranscriptText.print(stored);
        String svg = LadderDiagram.render(stored);
        for (String secretForm : forms) {
            assertThat(stored.lines()).noneMatch(l -> l.text().contains(secretForm));
            assertThat(text).doesNotContain(secretForm);
            assertThat(svg).doesNotContain(secretForm);
        }
        assertThat(text).contains("********");
    }

    private static Protocol protocolOf(Form form) {
        return Protocol.valueOf(form.name().substring(0, form.name().indexOf('_')));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** One conversation: a dialect, the events it makes, and the recorder seeing them. */
    private static final class Conversation {
        final Dialect dialect;
        final String id = UUID.randomUUID().toString();
        final String transcriptId;
        long seq;

        Conversation(Protocol protocol) {
            dialect = Dialects.create(protocol, FramingLimits.DEFAULT);
            recorder.opened(new ConversationInfo(id, "s", "live", protocol, "localhost", 1143, false, Instant.now()));
            transcriptId = recorder.transcriptId(id).orElseThrow();
        }

        /** Runs the form; returns every shape the secret took on the wire. */
        List<String> run(Form form, String user, String secret) {
            List<String> shapes = new ArrayList<>(List.of(secret));
            switch (form) {
                case POP3_PASS -> {
                    server("+OK ready\r\n");
                    client("USER " + user);
                    server("+OK\r\n");
                    client("PASS " + secret);
                    server("+OK logged in\r\n");
                }
                case POP3_AUTH_PLAIN_INLINE -> {
                    server("+OK ready\r\n");
                    client("AUTH PLAIN " + plain(user, secret, shapes));
                    server("+OK\r\n");
                }
                case POP3_AUTH_LOGIN -> {
                    server("+OK ready\r\n");
                    client("AUTH LOGIN");
                    server("+ VXNlcm5hbWU6\r\n");
                    client(b64(user));
                    server("+ UGFzc3dvcmQ6\r\n");
                    client(shape(b64(secret), shapes));
                    server("+OK\r\n");
                }
                case SMTP_AUTH_PLAIN_AFTER_334 -> {
                    server("220 ready\r\n");
                    client("AUTH PLAIN");
                    server("334 \r\n");
                    client(plain(user, secret, shapes));
                    server("235 ok\r\n");
                }
                case SMTP_AUTH_PLAIN_INLINE -> {
                    server("220 ready\r\n");
                    client("AUTH PLAIN " + plain(user, secret, shapes));
                    server("235 ok\r\n");
                }
                case SMTP_AUTH_LOGIN -> {
                    server("220 ready\r\n");
                    client("AUTH LOGIN " + b64(user));
                    server("334 UGFzc3dvcmQ6\r\n");
                    client(shape(b64(secret), shapes));
                    server("235 ok\r\n");
                }
                case IMAP_LOGIN_ATOM -> {
                    server("* OK ready\r\n");
                    client("A1 LOGIN " + user + " " + secret);
                    server("A1 OK done\r\n");
                }
                case IMAP_LOGIN_QUOTED -> {
                    server("* OK ready\r\n");
                    client("A1 LOGIN \"" + user + "\" \"" + secret + "\"");
                    server("A1 OK done\r\n");
                }
                case IMAP_LOGIN_LITERAL -> {
                    server("* OK ready\r\n");
                    client("A1 LOGIN " + user + " {" + secret.length() + "}");
                    server("+ Ready for literal data\r\n");
                    client(secret);
                    server("A1 OK done\r\n");
                }
                case IMAP_AUTHENTICATE -> {
                    server("* OK ready\r\n");
                    client("A1 AUTHENTICATE PLAIN");
                    server("+ \r\n");
                    client(plain(user, secret, shapes));
                    server("A1 OK done\r\n");
                }
                case HTTP_AUTHORIZATION -> {
                    client("GET / HTTP/1.1");
                    client("Host: localhost");
                    client("Authorization: Basic " + shape(b64(user + ":" + secret), shapes));
                    client("");
                    server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
                }
                case HTTP_COOKIE -> {
                    client("GET / HTTP/1.1");
                    client("Cookie: theme=dark; sid=" + secret);
                    client("");
                    server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
                }
                case HTTP_SET_COOKIE -> {
                    client("GET / HTTP/1.1");
                    client("");
                    server("HTTP/1.1 200 OK\r\nSet-Cookie: sid=" + secret + "; Path=/; HttpOnly\r\n"
                            + "Content-Length: 0\r\n\r\n");
                }
            }
            recorder.event(id, new SessionEvent.Closed("client", "done"));
            recorder.ended(id);
            recorder.flush();
            return shapes;
        }

        private static String plain(String user, String secret, List<String> shapes) {
            return shape(b64("\0" + user + "\0" + secret), shapes);
        }

        private static String shape(String wire, List<String> shapes) {
            shapes.add(wire);
            return wire;
        }

        private void client(String line) {
            ClientWrite.Send send = (ClientWrite.Send) dialect.write(line, false);
            for (ClientWrite.ClientLine l : send.lines()) {
                recorder.event(id, new SessionEvent.Line("C", l.text(), ++seq, Instant.now(), l.terminator().name(),
                        false, l.annotation(), l.redacted()));
            }
        }

        private void server(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (DialectEvent event : dialect.read(bytes, 0, bytes.length)) {
                if (event instanceof DialectEvent.ServerLine l) {
                    recorder.event(id, new SessionEvent.Line("S", l.text(), ++seq, Instant.now(),
                            l.terminator().name(), false, l.annotation(), l.redacted()));
                }
            }
        }
    }
}
