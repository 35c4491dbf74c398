package org.fugong.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.fugong.testing.TestJwt;

/** The run command's own signing key pair for the internal JWT, kept in PEM files across runs. */
public final class KeyPairs {

    private KeyPairs() {
    }

    public static KeyPair loadOrCreate(Path dir) throws IOException, GeneralSecurityException {
        Path privatePem = dir.resolve("jwt-private.pem");
        Path publicPem = dir.resolve("jwt-public.pem");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        if (Files.exists(privatePem) && Files.exists(publicPem)) {
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(der(publicPem))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem))));
        }
        Files.createDirectories(dir);
        KeyPair keys = TestJwt.newKeyPair();
        write(privatePem, "PRIVATE KEY", keys.getPrivate().getEncoded());
        write(publicPem, "PUBLIC KEY", keys.getPublic().getEncoded());
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

    private static byte[] der(Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }

    private static void write(Path file, String label, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n",
                StandardCharsets.US_ASCII);
    }
}
