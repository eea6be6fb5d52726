package dev.parley.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.replay.ReplayCommandLine.UsageException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayCommandLineTest {

    @Test
    void targetsAreWrittenAsUrls() throws Exception {
        assertThat(ReplayCommandLine.target("imap://127.0.0.1:3143")).isEqualTo(new TargetSpec("imap", "127.0.0.1", 3143,
                "none"));
        assertThat(ReplayCommandLine.target("POP3://mail.example?tls=implicit"))
                .isEqualTo(new TargetSpec("pop3", "mail.example", 995, "implicit"));
        assertThat(ReplayCommandLine.target("smtp://[::1]:2525")).isEqualTo(new TargetSpec("smtp", "::1", 2525, "none"));
        assertThatThrownBy(() -> ReplayCommandLine.target("gopher://x:70")).hasMessageContaining("unknown protocol");
        assertThatThrownBy(() -> ReplayCommandLine.target("localhost:110")).hasMessageContaining("no protocol");
        assertThatThrownBy(() -> ReplayCommandLine.target("pop3://x:110?insecure=true")).hasMessageContaining("tls=implicit");
        assertThatThrownBy(() -> ReplayCommandLine.target("raw://x")).hasMessageContaining("give one");
    }

    @Test
    void aSecretsValueComesFromTheEnvironmentOnly() throws Exception {
        ReplayCommandLine.Arguments args = ReplayCommandLine.parse(List.of("--secret", "password", "--var", "user=bob",
                "--parley.limits.answer-timeout=5s", "a.txt"), Map.of("PARLEY_SECRET_PASSWORD", "redqueen"));

        assertThat(args.variables()).containsEntry("password", "redqueen").containsEntry("user", "bob");
        assertThat(args.secrets()).containsExactly("password");
        assertThat(args.settings()).containsExactly("--parley.limits.answer-timeout=5s");
        assertThat(args.files()).containsExactly(Path.of("a.txt"));

        assertThatThrownBy(() -> ReplayCommandLine.parse(List.of("--secret", "password", "a.txt"), Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("PARLEY_SECRET_PASSWORD");
        assertThatThrownBy(() -> ReplayCommandLine.parse(List.of("--secret", "password", "--var", "password=x",
                "a.txt"), Map.of("PARLEY_SECRET_PASSWORD", "y"))).hasMessageContaining("never from the command line");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> ReplayCommandLine.parse(List.of("--colour", "a.txt"), Map.of()))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> ReplayCommandLine.parse(List.of("--var", "x"), Map.of())).hasMessageContaining("NAME=VALUE");
        assertThatThrownBy(() -> ReplayCommandLine.parse(List.of("--parallel", "two", "a.txt"), Map.of()))
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> ReplayCommandLine.parse(List.of(), Map.of())).hasMessageContaining("no transcript");
    }
}
