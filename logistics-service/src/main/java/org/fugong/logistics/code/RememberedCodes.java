package org.fugong.logistics.code;

import org.fugong.platform.cache.Lru;

/**
 * A {@link PassCodeVerifier} that remembers the codes whose signature held. A pass is scanned at every
 * checkpoint of its route, and its code is the same string each time; the signature check (an ES256
 * verification, most of a scan's CPU) is needed only the first time, because the keys a service
 * trusts do not change while it runs. Only the exact string that was verified is remembered: any
 * other string, however similar, is verified afresh. Validity in time is judged on every scan.
 */
public final class RememberedCodes {

    private final PassCodeVerifier verifier;
    private final Lru<String, PassClaims> signed;

    public RememberedCodes(PassCodeVerifier verifier, int capacity) {
        this.verifier = verifier;
        this.signed = new Lru<>(capacity);
    }

    public PassCodeVerifier.Result verify(String code) {
        PassClaims known = signed.get(code);
        if (known != null) {
            return verifier.judge(known);
        }
        PassCodeVerifier.Result result = verifier.verify(code);
        if (result.claims() != null) {
            signed.put(code, result.claims());
        }
        return result;
    }

    /** Whether this exact code is remembered now (without counting as a scan of it). */
    public boolean remembers(String code) {
        return signed.contains(code);
    }

    /** How many codes are remembered now. */
    public int size() {
        return signed.size();
    }
}
