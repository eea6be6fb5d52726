package dev.parley.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * The cluster {@code scripts/cluster.sh start} runs on loopback (nginx, two instances, PostgreSQL):
 * its addresses from the environment or {@code $PARLEY_CLUSTER_DIR/cluster.env}. A test is skipped
 * with the reason when it is not running, unless {@code PARLEY_REQUIRE_CLUSTER=true} (CI), which
 * makes a missing cluster a failure.
 */
final class Cluster {

    final URI nginx;
    final URI first;
    final URI second;
    final String password;

    private Cluster(Properties env) {
        this.nginx = URI.create(env.getProperty("PARLEY_CLUSTER_URL"));
        this.first = URI.create(env.getProperty("PARLEY_CLUSTER_INSTANCE_1"));
        this.second = URI.create(env.getProperty("PARLEY_CLUSTER_INSTANCE_2"));
        this.password = env.getProperty("PARLEY_CLUSTER_PASSWORD");
    }

    static Cluster require() {
        Properties env = load();
        String hint = "The cluster is not running here, so this test is skipped: start it with "
                + "`./mvnw -DskipTests package && scripts/cluster.sh install && scripts/cluster.sh start`.";
        boolean up = env.getProperty("PARLEY_CLUSTER_URL") != null && healthy(env.getProperty("PARLEY_CLUSTER_URL"))
                && healthy(env.getProperty("PARLEY_CLUSTER_INSTANCE_1")) && healthy(env.getProperty("PARLEY_CLUSTER_INSTANCE_2"));
        if (!up && "true".equalsIgnoreCase(System.getenv("PARLEY_REQUIRE_CLUSTER"))) {
            throw new AssertionError("PARLEY_REQUIRE_CLUSTER is set, but " + hint);
        }
        assumeTrue(up, hint);
        return new Cluster(env);
    }

    URI instance(int n) {
        return n == 1 ? first : second;
    }

    /** Runs {@code scripts/cluster.sh} with these arguments (kill or restart an instance). */
    void script(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = "scripts/cluster.sh";
        System.arraycopy(args, 0, command, 2, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new AssertionError("scripts/cluster.sh " + String.join(" ", args) + " failed: " + output);
        }
    }

    static boolean healthy(String base) {
        if (base == null) {
            return false;
        }
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(3))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Properties load() {
        Properties properties = new Properties();
        String dir = Optional.ofNullable(System.getenv("PARLEY_CLUSTER_DIR")).orElse("/tmp/parley-cluster");
        Path file = Path.of(dir, "cluster.env");
        if (Files.isReadable(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file, e);
            }
        }
        for (String key : new String[] {"PARLEY_CLUSTER_URL", "PARLEY_CLUSTER_INSTANCE_1", "PARLEY_CLUSTER_INSTANCE_2",
            "PARLEY_CLUSTER_PASSWORD"}) {
            String env = System.getenv(key);
            if (env != null && !env.isBlank()) {
                properties.setProperty(key, env);
            }
        }
        return properties;
    }
}
