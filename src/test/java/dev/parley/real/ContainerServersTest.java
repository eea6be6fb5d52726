package dev.parley.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.WsClient;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The real-server scenarios against containers, for machines with Docker and without Debian's
 * packages (a developer's Mac, say). Skipped cleanly where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerServersTest extends RealServerTest {

    private static final String DOVECOT_CONF = """
            protocols = imap pop3
            listen = *
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:/srv/mail/%u
            log_path = /dev/stderr
            passdb {
              driver = passwd-file
              args = scheme=PLAIN /etc/dovecot/parley-users
            }
            userdb {
              driver = static
              args = uid=1000 gid=1000 home=/srv/mail/%u
            }
            service imap-login {
              inet_listener imap {
                port = 143
              }
            }
            service pop3-login {
              inet_listener pop3 {
                port = 110
              }
            }
            """;

    private static final String MESSAGE = "From: Cris <cris@localhost>\r\nTo: demo@localhost\r\n"
            + "Subject: Protocols in Python\r\n\r\nIf you are reading this email, it came from a container.\r\n";

    @Container
    static final GenericContainer<?> NGINX = new GenericContainer<>("nginx:1.27-alpine")
            .withExposedPorts(80)
            .waitingFor(Wait.forListeningPort());

    @Container
    static final GenericContainer<?> DOVECOT = new GenericContainer<>("dovecot/dovecot:2.3.21")
            .withCopyToContainer(Transferable.of(DOVECOT_CONF), "/etc/dovecot/dovecot.conf")
            .withCopyToContainer(Transferable.of("demo:{PLAIN}demo\n"), "/etc/dovecot/parley-users")
            .withCopyToContainer(Transferable.of(MESSAGE, 0666), "/srv/mail/demo/new/1.parley")
            .withCreateContainerCmdModifier(cmd -> cmd.withUser("root"))
            .withExposedPorts(143, 110)
            .waitingFor(Wait.forListeningPorts(143));

    @Test
    void nginxKeepsTheConnectionAliveForASecondRequest() throws Exception {
        ws.connect("http", NGINX.getHost(), NGINX.getMappedPort(80), "none");
        for (int i = 0; i < 2; i++) {
            ws.send("GET / HTTP/1.1");
            ws.send("Host: localhost");
            ws.send("");
            assertThat(ws.answer().lines()).contains("HTTP/1.1 200 OK");
        }
    }

    @Test
    void dovecotImapSearchFindsCrisAndFetchesTheText() throws Exception {
        ws.greeting("imap", DOVECOT.getHost(), DOVECOT.getMappedPort(143), "none");
        assertThat(ws.exchange("LOGIN demo demo").lines().getLast()).startsWith("A0001 OK");
        ws.exchange("SELECT INBOX");
        assertThat(ws.exchange("SEARCH FROM \"cris\"").lines()).contains("* SEARCH 1");
        WsClient.Answer text = ws.exchange("FETCH 1 BODY[TEXT]");
        assertThat(text.literals().getFirst().path("text").asString()).contains("If you are reading this email");
    }

    @Test
    void dovecotPop3ListsTheMessage() throws Exception {
        assertThat(ws.greeting("pop3", DOVECOT.getHost(), DOVECOT.getMappedPort(110), "none").firstLine())
                .startsWith("+OK");
        ws.exchange("USER demo");
        assertThat(ws.exchange("PASS demo").firstLine()).startsWith("+OK");
        assertThat(ws.exchange("LIST").lines()).contains("1 " + MESSAGE.length(), ".");
    }
}
