package dev.parley.security;

import static dev.parley.security.Policies.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Laptop mode: the learner's own network stays open, Parley's own port on this machine does not,
 * and the address returned is the one that was checked. Nothing is sent anywhere.
 */
class LaptopPolicyTest {

    private static TargetPolicy laptop(Set<Integer> ownPorts) {
        return new TargetPolicy(ParleyMode.LAPTOP, Policies.targets(Map.of()), Policies.table(Policies.NAMES),
                () -> ownPorts, () -> PracticeTargets.NONE);
    }

    @Test
    void parleysOwnPortIsDeniedOnEveryLoopbackSpelling() {
        TargetPolicy policy = laptop(Set.of(8080));
        for (String host : new String[] {"127.0.0.1", "127.0.0.2", "127.1", "0x7f000001", "::1", "[::1]",
                "::ffff:127.0.0.1", "localhost", "LOCALHOST."}) {
            assertThat(outcome(policy, host, 8080)).as(host).isEqualTo("OWN_PORT");
            assertThat(outcome(policy, host, 8081)).as(host + " on another port").isEqualTo("ALLOW");
        }
        assertThat(outcome(policy, "93.184.216.34", 8080)).as("another machine's 8080").isEqualTo("ALLOW");
    }

    @Test
    void parleysOwnPortIsDeniedOnThisMachinesOtherAddresses() throws Exception {
        Optional<InetAddress> lanAddress = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeTrue(lanAddress.isPresent(), "this machine has no non-loopback IPv4 address");
        String host = lanAddress.get().getHostAddress();
        assertThat(outcome(laptop(Set.of(8080)), host, 8080)).isEqualTo("OWN_PORT");
        assertThat(outcome(laptop(Set.of(8080)), host, 8081)).isEqualTo("ALLOW");
    }

    @Test
    void theOwnPortIsReadAtEachCheckBecauseTheServerBindsItLater() {
        AtomicReference<Set<Integer>> ports = new AtomicReference<>(Set.of());
        TargetPolicy policy = new TargetPolicy(ParleyMode.LAPTOP, Policies.targets(Map.of()),
                Policies.table(Policies.NAMES), ports::get, () -> PracticeTargets.NONE);
        assertThat(outcome(policy, "127.0.0.1", 41234)).isEqualTo("ALLOW");
        ports.set(Set.of(41234));
        assertThat(outcome(policy, "127.0.0.1", 41234)).isEqualTo("OWN_PORT");
    }

    @Test
    void theMessageForTheOwnPortExplainsWhy() {
        assertThatThrownBy(() -> laptop(Set.of(8080)).check("localhost", 8080))
                .hasMessage("Port 8080 on “localhost” (127.0.0.1) is Parley's own web server; Parley never connects to"
                        + " itself, so it cannot become a proxy into its own pages and API.");
    }

    @Test
    void theLinkLocalMessageNamesTheRule() {
        assertThatThrownBy(() -> laptop(Set.of()).check("169.254.169.254", 80))
                .hasMessage("169.254.169.254 is a link-local address (cloud metadata services live there); Parley never"
                        + " connects to link-local addresses.");
    }

    @Test
    void theCheckedAddressIsTheOneReturned() throws Exception {
        TargetPolicy policy = laptop(Set.of());
        InetSocketAddress shorthand = policy.check("127.1", 2525);
        assertThat(shorthand.isUnresolved()).isFalse();
        assertThat(shorthand.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(shorthand.getPort()).isEqualTo(2525);
        InetSocketAddress mapped = policy.check("::ffff:127.0.0.1", 2525);
        assertThat(mapped.getAddress()).isInstanceOf(Inet4Address.class);
        assertThat(mapped.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(policy.check("[::1]", 2525).getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(policy.check("localhost", 2525).getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void literalsNeverReachTheResolver() throws Exception {
        TargetPolicy policy = new TargetPolicy(ParleyMode.LAPTOP, Policies.targets(Map.of()), name -> {
            throw new AssertionError("the resolver was asked about " + name);
        }, Set::of, () -> PracticeTargets.NONE);
        for (String host : new String[] {"127.1", "2130706433", "0x7f.1", "127.0.0.1.", "::1", "[::ffff:7f00:1]",
                "１２７.０.０.１", "127。0。0。1"}) {
            assertThat(policy.check(host, 2525).getAddress().isLoopbackAddress()).as(host).isTrue();
        }
    }

    @Test
    void dnsRebindingToMetadataIsCaughtAtTheSecondLookup() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        TargetPolicy.Resolver rebinding = name -> new InetAddress[] {InetAddress.getByAddress(name,
                lookups.getAndIncrement() == 0 ? new byte[] {93, (byte) 184, (byte) 216, 34}
                        : new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})};
        TargetPolicy policy = new TargetPolicy(ParleyMode.LAPTOP, Policies.targets(Map.of()), rebinding, Set::of,
                () -> PracticeTargets.NONE);
        assertThat(policy.check("rebind.test", 80).getAddress().getHostAddress()).isEqualTo("93.184.216.34");
        assertThatThrownBy(() -> policy.check("rebind.test", 80))
                .hasMessageStartingWith("“rebind.test” resolves to 169.254.169.254, which is a link-local address");
    }

    @Test
    void theSystemResolverAnswersLocalhostWithLoopback() throws Exception {
        TargetPolicy policy = new TargetPolicy(Policies.targets(Map.of()));
        assertThat(policy.check("localhost", 2525).getAddress().isLoopbackAddress()).isTrue();
        assertThat(policy.mode()).isEqualTo(ParleyMode.LAPTOP);
    }

    @Test
    void insecureTlsIsAllowedUnlessSwitchedOff() {
        assertThat(laptop(Set.of()).allowsInsecureTls()).isTrue();
        assertThat(new TargetPolicy(Policies.targets(Map.of("parley.targets.allow-insecure-tls", "false")))
                .allowsInsecureTls()).isFalse();
    }

    @Test
    void deniedPortsAreDeniedEverywhere() {
        TargetPolicy policy = new TargetPolicy(Policies.targets(Map.of("parley.targets.denied-ports", "25,465")));
        assertThat(outcome(policy, "127.0.0.1", 25)).isEqualTo("DENIED_PORT");
        assertThat(outcome(policy, "127.0.0.1", 465)).isEqualTo("DENIED_PORT");
        assertThat(outcome(policy, "127.0.0.1", 587)).isEqualTo("ALLOW");
    }

    @Test
    void allowEntriesChangeNothingOnALaptop() {
        TargetPolicy policy = new TargetPolicy(ParleyMode.LAPTOP, Policies.targets(Map.of("parley.targets.allow",
                "169.254.0.0/16")), Policies.table(Policies.NAMES), Set::of, () -> PracticeTargets.NONE);
        assertThat(outcome(policy, "169.254.169.254", 80)).isEqualTo("LINK_LOCAL");
        assertThat(outcome(policy, "10.0.0.1", 80)).isEqualTo("ALLOW");
    }
}
