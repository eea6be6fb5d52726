package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classifier's table, fed every form from issue #9 and an attacker's neighbours of each, in
 * both modes. Each row: what a learner (or an attacker) types, what a laptop does, what a hosted
 * server does (no practice servers and no allow entries here, so hosted reaches nothing). Port
 * 2525 is neither Parley's own port nor a practice port. Names resolve through the test's table
 * ({@link Policies#NAMES}); nothing is sent anywhere.
 */
class TargetClassificationTest {

    private static final TargetPolicy LAPTOP = Policies.policy(ParleyMode.LAPTOP);
    private static final TargetPolicy HOSTED = Policies.policy(ParleyMode.HOSTED);

    @ParameterizedTest(name = "“{0}”: laptop {1}, hosted {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # loopback, in every spelling Java, glibc or curl accept
            127.0.0.1                         | ALLOW        | NOT_GLOBAL
            127.1                             | ALLOW        | NOT_GLOBAL
            127.0.1                           | ALLOW        | NOT_GLOBAL
            2130706433                        | ALLOW        | NOT_GLOBAL
            0x7f000001                        | ALLOW        | NOT_GLOBAL
            0X7F000001                        | ALLOW        | NOT_GLOBAL
            0x7f.1                            | ALLOW        | NOT_GLOBAL
            0x7F.0.0.1                        | ALLOW        | NOT_GLOBAL
            127.0.0.1.                        | ALLOW        | NOT_GLOBAL
            127.255.255.254                   | ALLOW        | NOT_GLOBAL
            ::1                               | ALLOW        | NOT_GLOBAL
            [::1]                             | ALLOW        | NOT_GLOBAL
            0:0:0:0:0:0:0:1                   | ALLOW        | NOT_GLOBAL
            ::ffff:127.0.0.1                  | ALLOW        | NOT_GLOBAL
            [::ffff:7f00:1]                   | ALLOW        | NOT_GLOBAL
            ::FFFF:7F00:1                     | ALLOW        | NOT_GLOBAL
            localhost                         | ALLOW        | NOT_GLOBAL
            LOCALHOST                         | ALLOW        | NOT_GLOBAL
            localhost.                        | ALLOW        | NOT_GLOBAL
            １２７.０.０.１                        | ALLOW        | NOT_GLOBAL
            127。0。0。1                          | ALLOW        | NOT_GLOBAL
            # leading zeros: octal to curl and browsers, decimal to older Java; refused as ambiguous
            0177.0.0.1                        | BAD_HOST     | BAD_HOST
            127.000.000.001                   | BAD_HOST     | BAD_HOST
            017700000001                      | BAD_HOST     | BAD_HOST
            00                                | BAD_HOST     | BAD_HOST
            010.0.0.1                         | BAD_HOST     | BAD_HOST
            ::ffff:0177.0.0.1                 | BAD_HOST     | BAD_HOST
            ::ffff:127.1                      | BAD_HOST     | BAD_HOST
            # unspecified and "this network": Linux connects them to this machine
            0                                 | UNSPECIFIED  | UNSPECIFIED
            0.0.0.0                           | UNSPECIFIED  | UNSPECIFIED
            0x0                               | UNSPECIFIED  | UNSPECIFIED
            0.1.2.3                           | UNSPECIFIED  | UNSPECIFIED
            ::                                | UNSPECIFIED  | UNSPECIFIED
            [::]                              | UNSPECIFIED  | UNSPECIFIED
            ::ffff:0.0.0.0                    | UNSPECIFIED  | UNSPECIFIED
            # link-local and cloud metadata, directly and hidden in IPv6
            169.254.169.254                   | LINK_LOCAL   | LINK_LOCAL
            169.254.0.1                       | LINK_LOCAL   | LINK_LOCAL
            2852039166                        | LINK_LOCAL   | LINK_LOCAL
            0xa9fea9fe                        | LINK_LOCAL   | LINK_LOCAL
            ::ffff:169.254.169.254            | LINK_LOCAL   | LINK_LOCAL
            ::ffff:a9fe:a9fe                  | LINK_LOCAL   | LINK_LOCAL
            64:ff9b::a9fe:a9fe                | LINK_LOCAL   | LINK_LOCAL
            64:ff9b::169.254.169.254          | LINK_LOCAL   | LINK_LOCAL
            2002:a9fe:a9fe::                  | LINK_LOCAL   | LINK_LOCAL
            2002:a9fe:a9fe:1:2:3:4:5          | LINK_LOCAL   | LINK_LOCAL
            2001:0:4136:e378:8000:63bf:5601:5601 | LINK_LOCAL | LINK_LOCAL
            2001:0:a9fe:a9fe:8000:63bf:3fff:fdd2 | LINK_LOCAL | LINK_LOCAL
            ::169.254.169.254                 | LINK_LOCAL   | LINK_LOCAL
            fe80::1                           | LINK_LOCAL   | LINK_LOCAL
            FE80::1                           | LINK_LOCAL   | LINK_LOCAL
            fe80::1%eth0                      | LINK_LOCAL   | LINK_LOCAL
            [fe80::1%25eth0]                  | LINK_LOCAL   | LINK_LOCAL
            febf:ffff::1                      | LINK_LOCAL   | LINK_LOCAL
            fd00:ec2::254                     | CLOUD_METADATA | CLOUD_METADATA
            100.100.100.200                   | CLOUD_METADATA | CLOUD_METADATA
            metadata.test                     | LINK_LOCAL   | LINK_LOCAL
            nat64-metadata.test               | LINK_LOCAL   | LINK_LOCAL
            mixed-metadata.test               | LINK_LOCAL   | LINK_LOCAL
            linklocal6.test                   | LINK_LOCAL   | LINK_LOCAL
            # multicast and broadcast
            224.0.0.1                         | MULTICAST_OR_BROADCAST | MULTICAST_OR_BROADCAST
            239.255.255.250                   | MULTICAST_OR_BROADCAST | MULTICAST_OR_BROADCAST
            255.255.255.255                   | MULTICAST_OR_BROADCAST | MULTICAST_OR_BROADCAST
            4294967295                        | MULTICAST_OR_BROADCAST | MULTICAST_OR_BROADCAST
            ff02::1                           | MULTICAST_OR_BROADCAST | MULTICAST_OR_BROADCAST
            ::ffff:224.0.0.1                  | MULTICAST_OR_BROADCAST | MULTICAST_OR_BROADCAST
            64:ff9b::e000:1                   | MULTICAST_OR_BROADCAST | MULTICAST_OR_BROADCAST
            # IPv6 forms that tunnel to hidden IPv4 addresses
            2001:0:4136:e378:8000:63bf:3fff:fdd2 | TUNNEL    | TUNNEL
            ::127.0.0.1                       | TUNNEL       | TUNNEL
            ::7f00:1                          | TUNNEL       | TUNNEL
            ::8.8.8.8                         | TUNNEL       | TUNNEL
            # the learner's own networks: open on a laptop, closed when hosted
            10.0.0.1                          | ALLOW        | NOT_GLOBAL
            172.16.0.1                        | ALLOW        | NOT_GLOBAL
            172.31.255.255                    | ALLOW        | NOT_GLOBAL
            192.168.1.1                       | ALLOW        | NOT_GLOBAL
            100.64.0.1                        | ALLOW        | NOT_GLOBAL
            ::ffff:10.0.0.1                   | ALLOW        | NOT_GLOBAL
            2002:0a00:0001::                  | ALLOW        | NOT_GLOBAL
            64:ff9b::7f00:1                   | ALLOW        | NOT_GLOBAL
            fc00::1                           | ALLOW        | NOT_GLOBAL
            fd12:3456::1                      | ALLOW        | NOT_GLOBAL
            fec0::1                           | ALLOW        | NOT_GLOBAL
            lab.test                          | ALLOW        | NOT_GLOBAL
            mixed.test                        | ALLOW        | NOT_ALLOWED
            # documentation, benchmarking, reserved and protocol ranges
            192.0.0.1                         | ALLOW        | NOT_GLOBAL
            192.0.2.1                         | ALLOW        | NOT_GLOBAL
            192.88.99.1                       | ALLOW        | NOT_GLOBAL
            198.18.0.1                        | ALLOW        | NOT_GLOBAL
            198.19.255.255                    | ALLOW        | NOT_GLOBAL
            198.51.100.1                      | ALLOW        | NOT_GLOBAL
            203.0.113.1                       | ALLOW        | NOT_GLOBAL
            240.0.0.1                         | ALLOW        | NOT_GLOBAL
            255.255.255.254                   | ALLOW        | NOT_GLOBAL
            2001:db8::1                       | ALLOW        | NOT_GLOBAL
            3fff::1                           | ALLOW        | NOT_GLOBAL
            2001:2::1                         | ALLOW        | NOT_GLOBAL
            2001:10::1                        | ALLOW        | NOT_GLOBAL
            100::1                            | ALLOW        | NOT_GLOBAL
            5f00::1                           | ALLOW        | NOT_GLOBAL
            64:ff9b:1::1                      | ALLOW        | NOT_GLOBAL
            4000::1                           | ALLOW        | NOT_GLOBAL
            # global unicast: open on a laptop; hosted only when allowed
            93.184.216.34                     | ALLOW        | NOT_ALLOWED
            8.8.8.8                           | ALLOW        | NOT_ALLOWED
            ::ffff:8.8.8.8                    | ALLOW        | NOT_ALLOWED
            64:ff9b::808:808                  | ALLOW        | NOT_ALLOWED
            2606:4700:4700::1111              | ALLOW        | NOT_ALLOWED
            [2606:4700:4700::1111]            | ALLOW        | NOT_ALLOWED
            public.test                       | ALLOW        | NOT_ALLOWED
            PUBLIC.TEST.                      | ALLOW        | NOT_ALLOWED
            public6.test                      | ALLOW        | NOT_ALLOWED
            bücher.test                       | ALLOW        | NOT_ALLOWED
            # not a host at all
            ""                                | BAD_HOST     | BAD_HOST
            " "                               | BAD_HOST     | BAD_HOST
            " localhost"                      | BAD_HOST     | BAD_HOST
            "localhost "                      | BAD_HOST     | BAD_HOST
            local host                        | BAD_HOST     | BAD_HOST
            .                                 | BAD_HOST     | BAD_HOST
            a..b                              | BAD_HOST     | BAD_HOST
            localhost..                       | BAD_HOST     | BAD_HOST
            -bad.test                         | BAD_HOST     | BAD_HOST
            bad-.test                         | BAD_HOST     | BAD_HOST
            evil.test/x                       | BAD_HOST     | BAD_HOST
            user@public.test                  | BAD_HOST     | BAD_HOST
            public.test:25                    | BAD_HOST     | BAD_HOST
            256.1.1.1                         | BAD_HOST     | BAD_HOST
            1.2.3.4.5                         | BAD_HOST     | BAD_HOST
            1.2.3.-4                          | BAD_HOST     | BAD_HOST
            0x                                | BAD_HOST     | BAD_HOST
            0xg.1                             | BAD_HOST     | BAD_HOST
            foo.0x7f                          | BAD_HOST     | BAD_HOST
            10.0.0.0/8                        | BAD_HOST     | BAD_HOST
            [::1                              | BAD_HOST     | BAD_HOST
            ::g                               | BAD_HOST     | BAD_HOST
            1:2:3:4:5:6:7:8:9                 | BAD_HOST     | BAD_HOST
            ::1/128                           | BAD_HOST     | BAD_HOST
            *.test                            | BAD_HOST     | BAD_HOST
            local%68ost                       | BAD_HOST     | BAD_HOST
            %31%32%37.0.0.1                   | BAD_HOST     | BAD_HOST
            ０１７７.0.0.1                       | BAD_HOST     | BAD_HOST
            １６９.２５４.１６９.２５４              | LINK_LOCAL   | LINK_LOCAL
            unknown.test                      | UNKNOWN      | UNKNOWN
            """)
    void classifiesEveryFormInBothModes(String host, String laptop, String hosted) {
        String typed = host == null ? "" : host;
        assertThat(Policies.outcome(LAPTOP, typed, 2525)).as("laptop").isEqualTo(laptop);
        assertThat(Policies.outcome(HOSTED, typed, 2525)).as("hosted").isEqualTo(hosted);
    }

    static Stream<Arguments> awkwardInput() {
        String label63 = "a".repeat(63);
        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
        return Stream.of(
                Arguments.of("tab before", "\t127.0.0.1", "BAD_HOST"),
                Arguments.of("newline after", "127.0.0.1\n", "BAD_HOST"),
                Arguments.of("CR LF inside", "public.test\r\nRCPT TO:<x>", "BAD_HOST"),
                Arguments.of("NUL inside", "public.test\u0000.evil", "BAD_HOST"),
                Arguments.of("no-break space", "public.test\u00a0", "BAD_HOST"),
                Arguments.of("null", null, "BAD_HOST"),
                Arguments.of("label of 64 octets", "a".repeat(64) + ".test", "BAD_HOST"),
                Arguments.of("name of 254 octets", name253 + "a", "BAD_HOST"),
                Arguments.of("name of 253 octets (valid, unknown)", name253, "UNKNOWN"),
                Arguments.of("name of 253 octets with the final dot (valid, unknown)", name253 + ".", "UNKNOWN"),
                Arguments.of("zone id with a control character", "fe80::1%\u0007", "BAD_HOST"),
                Arguments.of("zone id on a loopback address", "::1%lo", "BAD_HOST"),
                Arguments.of("url-encoded zone id on a loopback address", "[::1%25lo]", "BAD_HOST"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkwardInput")
    void refusesAwkwardInputOnALaptop(String what, String host, String expected) {
        assertThat(Policies.outcome(LAPTOP, host, 2525)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "port {0}")
    @CsvSource({"0", "-1", "65536", "100000"})
    void refusesPortsThatAreNotTcpPorts(int port) {
        assertThat(Policies.outcome(LAPTOP, "127.0.0.1", port)).isEqualTo("BAD_PORT");
        assertThat(Policies.outcome(HOSTED, "127.0.0.1", port)).isEqualTo("BAD_PORT");
    }
}
