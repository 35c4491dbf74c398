package org.fugong.logistics.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.fugong.logistics.code.PassCodeVerifier.Outcome;
import org.fugong.logistics.config.LogisticsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key ring from configuration: the signing key from a PKCS#8 file, earlier public keys published with it. */
class PassKeysTest {

    record Config(Optional<String> signingKey, Optional<List<String>> previousPublicKeys) implements LogisticsConfig {
        @Override
        public int maxPassDays() {
            return 14;
        }

        @Override
        public ZoneId zone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public int passExpiryBatchSize() {
            return 500;
        }

        @Override
        public PassCode passCode() {
            return new PassCode() {
                @Override
                public Optional<String> signingKey() {
                    return signingKey;
                }

                @Override
                public Optional<List<String>> previousPublicKeys() {
                    return previousPublicKeys;
                }

                @Override
                public int rememberedCodes() {
                    return 0;
                }
            };
        }
    }

    static PassKeys load(Config config) {
        PassKeys keys = new PassKeys();
        keys.config = config;
        keys.load();
        return keys;
    }

    @Test
    void aRotatedKeyRingSignsWithTheNewKeyAndStillPublishesTheOldOne(@TempDir Path dir) throws Exception {
        KeyPair old = EcKeys.generate();
        KeyPair current = EcKeys.generate();
        Path currentFile = Files.writeString(dir.resolve("current.pem"), EcKeys.privatePem(current));
        Path oldFile = Files.writeString(dir.resolve("old.pub.pem"), EcKeys.publicPem((ECPublicKey) old.getPublic()));

        PassKeys before = load(new Config(Optional.of(Files.writeString(dir.resolve("old.pem"), EcKeys.privatePem(old))
                .toString()), Optional.empty()));
        PassKeys after = load(new Config(Optional.of(currentFile.toString()), Optional.of(List.of(oldFile.toString()))));

        assertThat(after.signingKeyId()).isEqualTo(EcKeys.keyId((ECPublicKey) current.getPublic()));
        PassClaims claims = PassCodeVerifierTest.CLAIMS;
        String signedBefore = PassSigner.sign(claims, before.signingKeyId(), before.signing().getPrivate());
        String signedAfter = PassSigner.sign(claims, after.signingKeyId(), after.signing().getPrivate());
        Clock during = Clock.fixed(Instant.parse("2020-03-01T00:00:00Z"), ZoneId.of("UTC"));
        PassCodeVerifier verifier = new PassCodeVerifier(after.publicKeySet(), during);
        assertThat(verifier.verify(signedBefore).outcome()).isEqualTo(Outcome.VALID);
        assertThat(verifier.verify(signedAfter).outcome()).isEqualTo(Outcome.VALID);
        assertThat(after.publicKeySet()).doesNotContain("\"d\"");
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedAndPublished() {
        PassKeys keys = load(new Config(Optional.empty(), Optional.empty()));
        assertThat(keys.publicKeySet()).contains(keys.signingKeyId());
    }
}
