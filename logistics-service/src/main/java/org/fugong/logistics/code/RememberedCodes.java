package org.fugong.logistics.code;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link PassCodeVerifier} that remembers the codes whose signature held. A pass is scanned at every
 * checkpoint of its route, and its code is the same string each time; the signature check (an ES256
 * verification, most of a scan's CPU) is needed only the first time, because the keys a service
 * trusts do not change while it runs. Only the exact string that was verified is remembered: any
 * other string, however similar, is verified afresh. Validity in time is judged on every scan.
 */
public final class RememberedCodes {

    private final PassCodeVerifier verifier;
    private final int capacity;
    /** Least recently scanned first; guarded by itself (a lookup is far cheaper than the check it saves). */
    private final LinkedHashMap<String, PassClaims> signed;

    public RememberedCodes(PassCodeVerifier verifier, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.verifier = verifier;
        this.capacity = capacity;
        this.signed = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PassClaims> eldest) {
                return size() > RememberedCodes.this.capacity;
            }
        };
    }

    public PassCodeVerifier.Result verify(String code) {
        PassClaims known;
        synchronized (signed) {
            known = signed.get(code);
        }
        if (known != null) {
            return verifier.judge(known);
        }
        PassCodeVerifier.Result result = verifier.verify(code);
        if (result.claims() != null && capacity > 0) {
            synchronized (signed) {
                signed.put(code, result.claims());
            }
        }
        return result;
    }

    /** Whether this exact code is remembered now (without counting as a scan of it). */
    public boolean remembers(String code) {
        synchronized (signed) {
            return signed.containsKey(code);
        }
    }

    /** How many codes are remembered now. */
    public int size() {
        synchronized (signed) {
            return signed.size();
        }
    }
}
