package com.langomni.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private final ClientAddresses behindNginx = new ClientAddresses(List.of("10.0.0.0/8", "127.0.0.1", "fd00::/8"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        ClientAddresses none = new ClientAddresses(List.of());
        assertEquals("198.51.100.7", none.client("198.51.100.7", List.of("203.0.113.9")));
        assertEquals("unknown", none.client(null, List.of("203.0.113.9")));
    }

    @Test
    void aPeerThatIsNotTrustedIsTheClientEvenWhenProxiesAreConfigured() {
        assertEquals("198.51.100.7", behindNginx.client("198.51.100.7", List.of("10.1.1.1")));
    }

    @Test
    void behindATrustedProxyTheLastUntrustedHopIsTheClient() {
        // nginx appends the address it saw to what the client sent: the client's own claim is the first entry
        assertEquals("198.51.100.7", behindNginx.client("10.2.3.4", List.of("203.0.113.9, 198.51.100.7")));
        assertEquals("198.51.100.7", behindNginx.client("10.2.3.4", List.of("203.0.113.9", "198.51.100.7, 10.9.9.9")));
        assertEquals("2001:db8::1", behindNginx.client("fd00::5", List.of("2001:db8::1")));
        assertEquals("10.2.3.4", behindNginx.client("10.2.3.4", List.of()), "no header: the proxy itself");
    }

    @Test
    void aChainOfTrustedHopsOnlyGivesItsFirstAndGarbageStopsTheReading() {
        assertEquals("10.0.0.1", behindNginx.client("127.0.0.1", List.of("10.0.0.1, 10.0.0.2")));
        assertEquals("127.0.0.1", behindNginx.client("127.0.0.1", List.of("203.0.113.9, not-an-address")));
    }

    @Test
    void aTrustedEntryThatIsNoAddressFailsAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("proxy.example.com")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(List.of("10.0.0.0/33")));
    }
}
