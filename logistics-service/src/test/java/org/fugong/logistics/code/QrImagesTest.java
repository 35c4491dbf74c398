package org.fugong.logistics.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class QrImagesTest {

    static String decode(byte[] png, Map<DecodeHintType, ?> hints) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints)
                .getText();
    }

    @Test
    void probe() throws Exception {
        Random random = new Random(1);
        List<String> failedDefault = new ArrayList<>();
        List<String> failedPure = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            byte[] bytes = new byte[150 + random.nextInt(100)];
            random.nextBytes(bytes);
            String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + i;
            byte[] png = QrImages.png(code);
            try { if (!decode(png, Map.of()).equals(code)) failedDefault.add("wrong " + code.length()); } catch (NotFoundException | ChecksumException | FormatException e) { failedDefault.add(e.getClass().getSimpleName() + " " + code.length()); java.nio.file.Files.write(java.nio.file.Path.of("/tmp/qr/fail" + i + ".png"), png); java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/qr/fail" + i + ".txt"), code); }
            try { if (!decode(png, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).equals(code)) failedPure.add("wrong"); } catch (NotFoundException | ChecksumException | FormatException e) { failedPure.add(e.getClass().getSimpleName() + " " + code.length()); }
        }
        System.err.println("DEFAULT " + failedDefault);
        System.err.println("PURE " + failedPure);
        assertThat(failedDefault).isEmpty();
    }
}
