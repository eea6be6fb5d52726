package dev.parley.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6125 name matching for a client that connects to an address but must verify a name. */
class CertificateNamesTest {

    @ParameterizedTest(name = "{0} names {1}: {2}")
    @CsvSource({
        "localhost, localhost, true",
        "LocalHost, localhost., true",
        "mail.example.com, MAIL.EXAMPLE.COM, true",
        "mail.example.com, example.com, false",
        "*.example.com, mail.example.com, true",
        "*.example.com, example.com, false",
        "*.example.com, a.b.example.com, false",
        "*.example.com, mail.example.com.evil.test, false",
        "*.com, example.com, false",
        "*, localhost, false",
        "m*.example.com, mail.example.com, false",
        "*.bücher.example, shop.xn--bcher-kva.example, true",
        "'', localhost, false",
    })
    void dnsNames(String pattern, String host, boolean matches) {
        assertThat(CertificateNames.dnsMatch(pattern, host)).isEqualTo(matches);
    }
}
