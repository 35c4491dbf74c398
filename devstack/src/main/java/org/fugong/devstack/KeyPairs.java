package org.fugong.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
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

    public static Path publicKeyFile(Path dir) {
        return dir.resolve("jwt-public.pem");
    }
}
