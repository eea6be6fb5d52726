package dev.parley.security;

import static dev.parley.security.Policies.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Hosted mode reaches only the practice servers and {@code parley.targets.allow} entries, and no
 * entry lifts the rules of every mode. Names resolve through a table; nothing is sent anywhere.
 */
class HostedPolicyTest {

    private static final PracticeTargets PRACTICE = new PracticeTargets("localhost", "127.0.0.1", Set.of(3025, 3143));

    private static TargetPolicy hosted(Map<String, String> properties, PracticeTargets practice) {
        return new TargetPolicy(ParleyMode.HOSTED, Policies.targets(properties), Policies.table(Policies.NAMES),
                () -> Set.of(8080), () -> practice);
    }

    private static TargetPolicy hosted(String allow) {
        return hosted(Map.of("parley.targets.allow", allow), PracticeTargets.NONE);
    }

    @Test
    void reachesThePracticeServersOnTheirPortsOnLoopback() {
        TargetPolicy policy = hosted(Map.of(), PRACTICE);
        assertThat(outcome(policy, "localhost", 3025)).isEqualTo("ALLOW");
        assertThat(outcome(policy, "127.0.0.1", 3143)).isEqualTo("ALLOW");
        assertThat(outcome(policy, "::1", 3025)).isEqualTo("ALLOW");
        assertThat(outcome(policy, "127.0.0.1", 3026)).isEqualTo("NOT_GLOBAL");
        assertThat(outcome(policy, "localhost", 22)).isEqualTo("NOT_GLOBAL");
        assertThat(outcome(policy, "10.0.0.1", 3025)).isEqualTo("NOT_GLOBAL");
        assertThat(outcome(policy, "localhost", 8080)).isEqualTo("OWN_PORT");
    }

    @Test
    void switchedOffPracticeServersOpenNothing() {
        assertThat(outcome(hosted(Map.of(), PracticeTargets.NONE), "localhost", 3025)).isEqualTo("NOT_GLOBAL");
    }

    @Test
    void practiceServersElsewhereAreReachedByTheirConfiguredName() {
        Map<String, List<String>> names = new HashMap<>(Policies.NAMES);
        names.put("practice.test", List.of("10.9.9.9"));
        TargetPolicy policy = new TargetPolicy(ParleyMode.HOSTED, Policies.targets(Map.of()), Policies.table(names),
                Set::of, () -> new PracticeTargets("Practice.Test.", "0.0.0.0", Set.of(3025)));
        assertThat(outcome(policy, "practice.test", 3025)).isEqualTo("ALLOW");
        assertThat(outcome(policy, "practice.test", 22)).isEqualTo("NOT_GLOBAL");
        assertThat(outcome(policy, "10.9.9.9", 3025)).as("the address alone names no practice server").isEqualTo("NOT_GLOBAL");
    }

    @Test
    void cidrEntriesOpenTheirAddressesOnTheirPortsWhateverNameReachesThem() {
        TargetPolicy policy = hosted("10.20.0.0/16:25");
        assertThat(outcome(policy, "10.20.0.5", 25)).isEqualTo("ALLOW");
        assertThat(outcome(policy, "lab.test", 25)).isEqualTo("ALLOW");
        assertThat(outcome(policy, "10.20.0.5", 26)).isEqualTo("NOT_GLOBAL");
        assertThat(outcome(policy, "10.21.0.5", 25)).isEqualTo("NOT_GLOBAL");
        assertThat(outcome(policy, "93.184.216.34", 25)).isEqualTo("NOT_ALLOWED");
    }

    @Test
    void ipv6EntriesOpenIpv6RangesOnly() {
        TargetPolicy policy = hosted("[fd00::/8]:25");
        assertThat(outcome(policy, "fd12::5", 25)).isEqualTo("ALLOW");
        assertThat(outcome(policy, "[fd12::5]", 25)).isEqualTo("ALLOW");
        assertThat(outcome(policy, "fc00::5", 25)).isEqualTo("NOT_GLOBAL");
        assertThat(outcome(policy, "10.0.0.1", 25)).isEqualTo("NOT_GLOBAL");
    }

    @Test
    void hostEntriesOpenTheNameOnItsPortsOnly() {
        TargetPolicy policy = hosted("public.test:80");
        assertThat(outcome(policy, "public.test", 80)).isEqualTo("ALLOW");
        assertThat(outcome(policy, "PUBLIC.TEST.", 80)).isEqualTo("ALLOW");
        assertThat(outcome(policy, "public.test", 81)).isEqualTo("NOT_ALLOWED");
        assertThat(outcome(policy, "93.184.216.34", 80)).as("the name is allowed, not its address").isEqualTo("NOT_ALLOWED");
        assertThat(outcome(policy, "public6.test", 80)).isEqualTo("NOT_ALLOWED");
    }

    @Test
    void aNameEntryDoesNotOpenThePrivateAddressItResolvesTo() {
        TargetPolicy policy = hosted("lab.test:25");
        assertThatThrownBy(() -> policy.check("lab.test", 25))
                .isInstanceOfSatisfying(TargetDeniedException.class, e -> assertThat(e.rule()).isEqualTo(TargetRule.NOT_GLOBAL))
                .hasMessage("“lab.test” resolves to 10.20.0.5, which is a private address (RFC 1918); the operator"
                        + " allowed “lab.test” by name, but a name does not open loopback, private or special-purpose"
                        + " addresses: its range must be in parley.targets.allow too (e.g. 10.20.0.5/32:25).");
        assertThat(outcome(hosted("lab.test:25,10.20.0.0/16:25"), "lab.test", 25)).isEqualTo("ALLOW");
    }

    @Test
    void oneDeniedAddressDeniesTheName() {
        assertThat(outcome(hosted("mixed.test:80"), "mixed.test", 80)).isEqualTo("NOT_GLOBAL");
        assertThat(outcome(hosted("0.0.0.0/0:*"), "mixed-metadata.test", 80)).isEqualTo("LINK_LOCAL");
    }

    @Test
    void dnsRebindingToLoopbackIsCaughtAtTheSecondLookup() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        TargetPolicy.Resolver rebinding = name -> new InetAddress[] {InetAddress.getByAddress(name,
                lookups.getAndIncrement() == 0 ? new byte[] {93, (byte) 184, (byte) 216, 34} : new byte[] {127, 0, 0, 1})};
        TargetPolicy policy = new TargetPolicy(ParleyMode.HOSTED, Policies.targets(Map.of("parley.targets.allow",
                "rebind.test:80")), rebinding, Set::of, () -> PracticeTargets.NONE);

        InetSocketAddress first = policy.check("rebind.test", 80);
        assertThat(first.isUnresolved()).isFalse();
        assertThat(first.getAddress().getHostAddress()).isEqualTo("93.184.216.34");
        assertThatThrownBy(() -> policy.check("rebind.test", 80))
                .isInstanceOfSatisfying(TargetDeniedException.class, e -> assertThat(e.rule()).isEqualTo(TargetRule.NOT_GLOBAL))
                .hasMessageContaining("“rebind.test” resolves to 127.0.0.1, which is a loopback address");
        assertThat(lookups).hasValue(2);
    }

    @Test
    void noEntryLiftsTheRulesOfEveryMode() {
        assertThat(outcome(hosted("169.254.0.0/16:*"), "169.254.169.254", 80)).isEqualTo("LINK_LOCAL");
        assertThat(outcome(hosted("metadata.test"), "metadata.test", 80)).isEqualTo("LINK_LOCAL");
        assertThat(outcome(hosted("0.0.0.0/0:*"), "0.0.0.0", 80)).isEqualTo("UNSPECIFIED");
        assertThat(outcome(hosted("0.0.0.0/0:*"), "10.0.0.1", 80)).as("the operator opened all of IPv4").isEqualTo("ALLOW");
        assertThat(outcome(hosted("[::/0]:*"), "fe80::1", 80)).isEqualTo("LINK_LOCAL");
        assertThat(outcome(hosted("[::/0]:*"), "ff02::1", 80)).isEqualTo("MULTICAST_OR_BROADCAST");
        assertThat(outcome(hosted("[::/0]:*"), "2001:0:4136:e378:8000:63bf:3fff:fdd2", 80)).isEqualTo("TUNNEL");
        assertThat(outcome(hosted("[64:ff9b::/96]:80"), "64:ff9b::808:808", 80)).isEqualTo("ALLOW");
        assertThat(outcome(hosted("[64:ff9b::/96]:80"), "64:ff9b::a9fe:a9fe", 80)).isEqualTo("LINK_LOCAL");
        assertThat(outcome(hosted("127.0.0.0/8:*"), "127.0.0.1", 8080)).isEqualTo("OWN_PORT");
        assertThat(outcome(hosted("100.64.0.0/10:*"), "100.100.100.200", 80)).isEqualTo("CLOUD_METADATA");
    }

    @Test
    void deniedPortsHoldForPracticeServersToo() {
        TargetPolicy policy = hosted(Map.of("parley.targets.denied-ports", "3025"), PRACTICE);
        assertThat(outcome(policy, "localhost", 3025)).isEqualTo("DENIED_PORT");
        assertThat(outcome(policy, "localhost", 3143)).isEqualTo("ALLOW");
    }

    @Test
    void insecureTlsIsOffUnlessSwitchedOn() {
        assertThat(hosted(Map.of(), PRACTICE).allowsInsecureTls()).isFalse();
        assertThat(hosted(Map.of("parley.targets.allow-insecure-tls", "true"), PRACTICE).allowsInsecureTls()).isTrue();
    }

    @Test
    void aDeniedMessageSaysWhatHostedModeReaches() {
        assertThatThrownBy(() -> hosted(Map.of(), PRACTICE).check("public.test", 25))
                .hasMessage("Port 25 on “public.test” (93.184.216.34) is not one of this server's targets; in hosted mode"
                        + " Parley reaches only its practice servers and the targets its operator allows"
                        + " (parley.targets.allow).");
    }
}
