package org.fugong.launcher;

import java.util.function.Function;

import org.fugong.devstack.DevJwt;

/**
 * One service called directly, as the demo loads it: its administrator, and any other caller with a
 * token signed for that service alone.
 */
record DirectClient(RestClient admin, Function<DevJwt, String> signer) {

    /** A client acting as {@code caller}. */
    RestClient as(DevJwt caller) {
        return admin.as(signer.apply(caller));
    }

    /** A client of {@code organisation}'s people in {@code role}. */
    RestClient of(DemoData.Organisation organisation, String role) {
        return as(DevJwt.as(role).subject("demo-" + organisation.id()).orgId(organisation.id()));
    }
}
