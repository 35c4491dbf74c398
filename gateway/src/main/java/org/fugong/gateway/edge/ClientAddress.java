package org.fugong.gateway.edge;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import io.netty.util.NetUtil;

/**
 * Which address a request comes from, for limits, anonymous identities and the access log. The
 * socket's peer, unless that peer is one of the configured trusted proxies: then the right-most
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy (entries further left were
 * written by the client and prove nothing). Only literal addresses are read, never host names, so
 * nothing here waits on DNS.
 */
public final class ClientAddress {

    private record Network(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private final List<Network> trusted;

    /** @param trustedProxies addresses or CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}) */
    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(ClientAddress::network)
                .toList();
    }

    private static Network network(String entry) {
        int slash = entry.indexOf('/');
        byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("A trusted proxy is an IP address or CIDR block, not '" + entry + "'");
        }
        int bits = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
        if (bits < 0 || bits > address.length * 8) {
            throw new IllegalArgumentException("The prefix length of '" + entry + "' is out of range");
        }
        return new Network(address, bits);
    }

    /** The client's address, given the socket's peer and the X-Forwarded-For header (may be null). */
    public String resolve(String peer, String forwardedFor) {
        if (peer == null) {
            return "unknown";
        }
        if (trusted.isEmpty() || forwardedFor == null || !isTrusted(peer)) {
            return peer;
        }
        String client = peer;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = withoutPort(hops[i].strip());
            if (literal(hop) == null) {
                return client; // garbage from further left: the last hop we could read is who we know
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Network network : trusted) {
            if (network.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key one address's limits are counted under: an IPv4 address as it is, an IPv6 address by
     * its /64 (one subscriber's allocation, so rotating through it does not give fresh budgets).
     */
    public static String limitKey(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
    }

    /**
     * Some proxies write {@code address:port} ({@code 203.0.113.5:41234}, {@code [2001:db8::1]:443}):
     * the port is dropped, so such an entry still names its client.
     */
    private static String withoutPort(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            return close < 0 ? text : text.substring(1, close);
        }
        int colon = text.indexOf(':');
        if (colon > 0 && colon == text.lastIndexOf(':') && text.indexOf('.') > 0) {
            return text.substring(0, colon); // IPv4 with a port; a bare IPv6 address has several colons
        }
        return text;
    }

    /** The bytes of an IPv4 or IPv6 literal (IPv4-mapped IPv6 as IPv4), or null for anything else. */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String bare = withoutPort(text);
        int zone = bare.indexOf('%');
        if (zone >= 0) {
            bare = bare.substring(0, zone);
        }
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(bare);
        if (address instanceof Inet4Address || address instanceof Inet6Address) {
            return address.getAddress();
        }
        return null;
    }
}
