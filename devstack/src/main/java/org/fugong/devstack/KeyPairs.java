package org.fugong.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import org.fugong.platform.security.RsaKeys;

/** The run command's own signing key pair for the internal JWT and its admin key, kept in files across runs. */
public final class KeyPairs {

    private KeyPairs() {
    }

    /** The key pair kept in {@code dir}, made (and written there) on first use. */
    public static KeyPair loadOrCreate(Path dir) throws IOException {
        Path privatePem = privateKeyFile(dir);
        Path publicPem = publicKeyFile(dir);
        if (Files.exists(privatePem) && Files.exists(publicPem)) {
            return RsaKeys.readPrivatePem(privatePem);
        }
        Files.createDirectories(dir);
        KeyPair keys = RsaKeys.generate();
        RsaKeys.writePem(keys, privatePem, publicPem);
        return keys;
    }

    public static Path privateKeyFile(Path dir) {
        return dir.resolve("jwt-private.pem");
    }

    /** The gateway's bootstrap administrator key for local runs, made once and kept beside the JWT keys. */
    public static String adminKey(Path dir) throws IOException {
        Path file = dir.resolve("admin-api-key");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        String key = "fg_local_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
        return key;
    }

    /**
     * The P-256 key the run command's logistics service signs green-pass codes with (PKCS#8 PEM),
     * made once and kept, so codes printed or saved in one run still verify in the next.
     */
    public static Path passCodeKey(Path dir) throws IOException {
        Path privatePem = dir.resolve("pass-code-private.pem");
        if (!Files.exists(privatePem)) {
            Files.createDirectories(dir);
            try {
                KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
                ec.initialize(new ECGenParameterSpec("secp256r1"));
                RsaKeys.writePem(ec.generateKeyPair(), privatePem, dir.resolve("pass-code-public.pem"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot make a P-256 key", e);
            }
        }
        return privatePem;
    }

    public static Path publicKeyFile(Path dir) {
        return dir.resolve("jwt-public.pem");
    }
}
