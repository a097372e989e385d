package com.langomni.gateway.rest;

import java.util.ArrayList;
import java.util.List;

import io.netty.util.NetUtil;

/**
 * Who the client of a request is, as the gateway tells the orchestrator in {@code X-Forwarded-For}. A client can
 * write anything in that header, so it is believed only from a trusted proxy, and read from the right: each trusted
 * proxy appends the address it saw, so the last entry not written by a trusted proxy is the client. Addresses are
 * parsed as literals only (no DNS).
 */
final class ClientAddresses {

    private final List<Block> trusted;

    /** @param trusted IPs or CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}); anything else fails at start */
    ClientAddresses(List<String> trusted) {
        this.trusted = new ArrayList<>();
        for (String entry : trusted) {
            if (!entry.isBlank()) {
                this.trusted.add(Block.parse(entry.strip()));
            }
        }
    }

    /** The client's address: {@code peer}, or from {@code forwardedFor} when the peer is a trusted proxy. */
    String client(String peer, List<String> forwardedFor) {
        if (peer == null || !isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer == null ? "unknown" : peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (NetUtil.createByteArrayFromIpAddressString(hop) == null) {
                return peer; // not an address: the chain cannot be read past this point
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    private boolean isTrusted(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        return bytes != null && trusted.stream().anyMatch(block -> block.contains(bytes));
    }

    /** An address with a prefix length. */
    private record Block(byte[] network, int prefix) {

        static Block parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
            if (bytes == null) {
                throw new IllegalArgumentException("langomni.gateway.api.trusted-proxies: not an IP or CIDR block: "
                        + text);
            }
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("langomni.gateway.api.trusted-proxies: bad prefix in " + text);
            }
            return new Block(bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
