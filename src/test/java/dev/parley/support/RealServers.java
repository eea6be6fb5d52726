package dev.parley.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the real peer servers (Dovecot, Postfix, nginx) listen, as {@code scripts/real-servers.sh
 * start} wrote it: environment variables {@code PARLEY_REAL_*}, or the properties file in its
 * state directory. A test that needs one skips with a clear message when it is absent, unless
 * {@code PARLEY_REQUIRE_REAL_SERVERS=true} (CI), where absence is a failure.
 */
public final class RealServers {

    public record Endpoint(String host, int port) {
    }

    private static final Properties FILE = load();

    private RealServers() {
    }

    /** The endpoint named {@code key} (e.g. {@code PARLEY_REAL_IMAP}), skipping the test when it is not running. */
    public static Endpoint require(String key, String what) {
        Optional<String> value = value(key);
        String hint = what + " is not running here, so this test is skipped: start it with "
                + "`scripts/real-servers.sh install && scripts/real-servers.sh start`.";
        if (value.isEmpty()) {
            return absent(hint);
        }
        String[] hostPort = value.get().split(":");
        Endpoint endpoint = new Endpoint(hostPort[0], Integer.parseInt(hostPort[1]));
        if (!listening(endpoint)) {
            return absent(hint + " (nothing answers on " + value.get() + ")");
        }
        return endpoint;
    }

    /** The test CA certificate (PEM) the real servers' certificates are signed with, if known. */
    public static Optional<String> caFile() {
        return value("PARLEY_REAL_CA").filter(f -> Files.isReadable(Path.of(f)));
    }

    public static Optional<String> value(String key) {
        String env = System.getenv(key);
        if (env != null && !env.isBlank()) {
            return Optional.of(env.trim());
        }
        return Optional.ofNullable(FILE.getProperty(key)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Endpoint absent(String message) {
        if ("true".equalsIgnoreCase(System.getenv("PARLEY_REQUIRE_REAL_SERVERS"))) {
            throw new AssertionError("PARLEY_REQUIRE_REAL_SERVERS is set, but " + message);
        }
        assumeTrue(false, message);
        return null;
    }

    private static boolean listening(Endpoint endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties load() {
        Properties properties = new Properties();
        String dir = Optional.ofNullable(System.getenv("PARLEY_REAL_SERVERS_DIR")).orElse("/tmp/parley-real-servers");
        Path file = Path.of(dir, "real-servers.properties");
        if (Files.isReadable(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file, e);
            }
        }
        return properties;
    }
}
