package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddressString;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code parley.targets.allow} entries: what each form opens, and how a bad one stops startup. */
class AllowEntryTest {

    @ParameterizedTest(name = "“{0}”")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            mail.lab.test                | mail.lab.test | -                | 1     | 65535
            Mail.Lab.Test.               | mail.lab.test | -                | 1     | 65535
            mail.lab.test:25             | mail.lab.test | -                | 25    | 25
            mail.lab.test:1000-2000      | mail.lab.test | -                | 1000  | 2000
            mail.lab.test:*              | mail.lab.test | -                | 1     | 65535
            '  mail.lab.test:25  '       | mail.lab.test | -                | 25    | 25
            10.20.0.0/16                 | -             | 10.20.0.0/16     | 1     | 65535
            10.20.0.0/16:143             | -             | 10.20.0.0/16     | 143   | 143
            192.0.2.7:1-65535            | -             | 192.0.2.7        | 1     | 65535
            127.0.0.0/8:3000-3999        | -             | 127.0.0.0/8      | 3000  | 3999
            [fd00::/8]:25                | -             | fd00::/8         | 25    | 25
            [2001:db8::1]:*              | -             | 2001:db8::1      | 1     | 65535
            [2001:db8::1]                | -             | 2001:db8::1      | 1     | 65535
            fd00::/8                     | -             | fd00::/8         | 1     | 65535
            2001:db8::25                 | -             | 2001:db8::25     | 1     | 65535
            """)
    void readsEveryGoodForm(String text, String name, String block, int from, int to) {
        AllowEntry entry = AllowEntry.parse(text);
        assertThat(entry.name()).isEqualTo(name);
        assertThat(entry.block() == null ? null : entry.block().toCanonicalString()).isEqualTo(block);
        assertThat(entry.fromPort()).isEqualTo(from);
        assertThat(entry.toPort()).isEqualTo(to);
    }

    @ParameterizedTest(name = "“{0}”")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                     | it is empty
            10.0.0.0/33            | is not an address or a CIDR range
            10.0.0.1/8             | did you mean 10.0.0.0/8?
            [fd00::1/8]:25         | did you mean fd00::/8?
            010.0.0.0/8            | is not an address or a CIDR range
            127.1                  | is not an address or a CIDR range
            10.*                   | is not a host name
            10.0.0.0-10.0.0.9      | is not a valid IPv4 address
            mail.lab.test:0        | “0” is not a port
            mail.lab.test:65536    | “65536” is not a port
            mail.lab.test:2000-1000| runs backwards
            mail.lab.test:smtp     | “smtp” is not a port
            mail.lab.test:         | “” is not a port
            [fd00::/8              | does not close it
            [fd00::/8]25           | after the closing bracket
            ::ffff:10.0.0.0/104    | in their IPv4 form
            bad host.test          | contains spaces
            -bad.test              | is not a host name
            0177.0.0.1             | leading zero
            """)
    void refusesBadEntriesNamingThem(String text, String reason) {
        assertThatThrownBy(() -> AllowEntry.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parley.targets.allow entry “" + text.trim() + "” is not valid: ")
                .hasMessageContaining(reason);
    }

    @Test
    void oneMessageNamesEveryBadEntry() {
        assertThatThrownBy(() -> AllowEntry.parseAll(List.of("mail.lab.test:25", "10.0.0.0/33", "x.test:0")))
                .hasMessageContaining("“10.0.0.0/33”")
                .hasMessageContaining("“x.test:0”")
                .hasMessageNotContaining("“mail.lab.test:25”")
                .hasMessageEndingWith("Entries look like HOST, CIDR, HOST:PORT, CIDR:PORT-PORT or [IPV6-CIDR]:*.");
    }

    @Test
    void portsAndAddressesMatchOnlyWhatTheEntrySays() {
        AllowEntry range = AllowEntry.parse("10.20.0.0/16:25-26");
        assertThat(range.allowsPort(25)).isTrue();
        assertThat(range.allowsPort(26)).isTrue();
        assertThat(range.allowsPort(27)).isFalse();
        assertThat(range.holds(new IPAddressString("10.20.255.255").getAddress())).isTrue();
        assertThat(range.holds(new IPAddressString("10.21.0.0").getAddress())).isFalse();
        assertThat(range.names("10.20.0.0")).isFalse();
        AllowEntry name = AllowEntry.parse("mail.lab.test");
        assertThat(name.names("mail.lab.test")).isTrue();
        assertThat(name.names("evil.mail.lab.test")).isFalse();
        assertThat(name.holds(new IPAddressString("10.20.0.5").getAddress())).isFalse();
    }

    @EnableConfigurationProperties(TargetProperties.class)
    static class OnlyTargets {
    }

    @Test
    void aBadEntryStopsStartupWithAMessageNamingIt() {
        new ApplicationContextRunner().withUserConfiguration(OnlyTargets.class)
                .withPropertyValues("parley.targets.allow=mail.lab.test:25,10.0.0.1/8")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("parley.targets.allow entry “10.0.0.1/8” is not valid")
                        .hasMessageContaining("did you mean 10.0.0.0/8?"));
    }

    @Test
    void goodEntriesBindFromACommaSeparatedProperty() {
        TargetProperties targets = Policies.targets(Map.of("parley.targets.allow", "mail.lab.test:25,[fd00::/8]:*"));
        assertThat(targets.allow()).containsExactly("mail.lab.test:25", "[fd00::/8]:*");
    }
}
