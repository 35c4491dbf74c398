package org.fugong.logistics.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class QrImagesTest {

    /**
     * Reads a PNG as the API serves it. {@code PURE_BARCODE} tells ZXing the image is an upright
     * rendering with its quiet zone, which is what {@link QrImages} produces: without it ZXing's
     * camera-oriented finder-pattern search missed 14 of 400 clean version-12/13 symbols here that
     * Debian's zbarimg read without fault, and a test that fails one run in thirty proves nothing.
     */
    static String decode(byte[] png) throws IOException, ReaderException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    /** Codes as long as real ones (a two- to eight-region route), in the JWS alphabet. */
    @Test
    void everyRenderingDecodesToTheCodeItWasMadeFrom() throws Exception {
        Random random = new Random(20200224);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[150 + random.nextInt(110)];
            random.nextBytes(bytes);
            String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replaceFirst("^(.{40})(.{60})", "$1.$2.");
            assertThat(decode(QrImages.png(code))).as("code %d (%d characters)", i, code.length()).isEqualTo(code);
        }
    }

    @Test
    void theImageIsThePublishedSizeWithAQuietZone() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrImages.png("x".repeat(280))));
        assertThat(image.getWidth()).isEqualTo(QrImages.SIZE);
        assertThat(image.getHeight()).isEqualTo(QrImages.SIZE);
        // The corners are quiet zone: white.
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(image.getRGB(QrImages.SIZE - 1, QrImages.SIZE - 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }
}
